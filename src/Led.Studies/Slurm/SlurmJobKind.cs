namespace Led.Studies.Slurm;

/// <summary>The jobs of a submission.</summary>
public enum SlurmJobKind
{
    /// <summary>Simulates the shared datasets and trains the shared autoencoders (<c>led sweep prepare</c>).</summary>
    Prepare,

    /// <summary>The job array: one task per run (<c>led sweep run-one --index $SLURM_ARRAY_TASK_ID</c>).</summary>
    Array,
}
