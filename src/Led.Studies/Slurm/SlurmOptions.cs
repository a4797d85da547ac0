namespace Led.Studies.Slurm;

/// <summary>What a submission asks of Slurm: partition, time limit per run, GPUs and CPUs per run (null: not asked / the config's threads).</summary>
public sealed record SlurmOptions(string? Partition = null, string? Time = null, int? GpusPerTask = null, int? CpusPerTask = null);
