namespace Led.Studies.Slurm;

/// <summary>
/// One job of a submission: its batch script (path and text), the run indices it runs, and whether it waits for the
/// prepare job (<c>--dependency=afterok</c>).
/// </summary>
public sealed record SlurmJob(SlurmJobKind Kind, string ScriptPath, string Script, IReadOnlyList<int> Indices, bool AfterPrepare)
{
    /// <summary>
    /// The arguments of <c>sbatch</c>: <c>--parsable</c>, the dependency on the prepare job when this job waits for it,
    /// and the script.
    /// </summary>
    public IReadOnlyList<string> SbatchArguments(string? prepareJobId)
    {
        if (AfterPrepare && prepareJobId is null)
            throw new ArgumentNullException(nameof(prepareJobId), $"the {Kind.ToString().ToLowerInvariant()} job waits for the prepare job: its id is needed");
        return AfterPrepare ? ["--parsable", $"--dependency=afterok:{prepareJobId}", ScriptPath] : ["--parsable", ScriptPath];
    }
}
