namespace Led.Studies.Slurm;

/// <summary>
/// A submission as a value: the prepare job (null when no shared dataset or autoencoder is to be made), the job array,
/// and a description of the shared stages the prepare job makes.
/// </summary>
public sealed record SlurmPlan(SlurmJob? Prepare, SlurmJob Array, string Shared)
{
    /// <summary>The jobs in submission order.</summary>
    public IEnumerable<SlurmJob> Jobs => Prepare is null ? [Array] : [Prepare, Array];
}
