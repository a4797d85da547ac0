namespace Led.Studies.Slurm;

/// <summary>A job submitted for a study, as recorded in <c>slurm/jobs.json</c>: its id, kind and the run indices it runs.</summary>
public sealed record SlurmJobRecord(string Job, SlurmJobKind Kind, IReadOnlyList<int> Indices);
