namespace Led.Studies.Folders;

/// <summary>
/// Which runs of a study are still to do, for a local run and a Slurm submission alike: not completed, not failed unless
/// failed runs are retried, and not queued or running on Slurm.
/// </summary>
public static class RunsToDo
{
    /// <summary>Whether a run in <paramref name="state"/> is to be run (again).</summary>
    public static bool Includes(RunState state, bool retryFailed) => state switch
    {
        RunState.Completed => false,
        RunState.Failed => retryFailed,
        _ => true, // pending, interrupted, incomplete (a killed attempt)
    };

    /// <summary>The runs to do, in plan order.</summary>
    public static IReadOnlyList<SweepRun> Select(IEnumerable<SweepRun> runs, Func<SweepRun, RunState> stateOf, IReadOnlySet<int> leftToSlurm, bool retryFailed) =>
        runs.Where(r => !leftToSlurm.Contains(r.Index) && Includes(stateOf(r), retryFailed)).ToList();
}
