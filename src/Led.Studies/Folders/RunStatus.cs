namespace Led.Studies.Folders;

/// <summary>A run's state with its error (failed runs) or metrics and wall time (completed runs).</summary>
public sealed record RunStatus(RunState State, string? Error, IReadOnlyDictionary<string, double> Metrics, double? WallSeconds)
{
    /// <summary>Lower-case state name, as shown in tables.</summary>
    public string StateName => State.ToString().ToLowerInvariant();
}
