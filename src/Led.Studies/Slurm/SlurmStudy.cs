namespace Led.Studies.Slurm;

/// <summary>
/// What a Slurm submission is made from: the config (absolute path) and its overrides, the study folder, the folder the
/// jobs start in, the command that starts <c>led</c>, the indices of the runs to submit, the most threads a run uses, and
/// how many shared datasets and autoencoders are still to be made for them.
/// </summary>
public sealed record SlurmStudy(string ConfigPath, IReadOnlyList<string> Overrides, string StudyRoot, string WorkingDirectory,
    IReadOnlyList<string> Led, IReadOnlyList<int> Runs, int Threads, int SharedDatasets, int SharedAutoencoders)
{
    public string SlurmDirectory => Path.Combine(StudyRoot, "slurm");
}
