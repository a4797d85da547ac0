namespace Led.Studies.Folders;

/// <summary>Where a run of a study stands, read from its folder.</summary>
public enum RunState
{
    /// <summary>Not started (or its results were removed).</summary>
    Pending,

    /// <summary>A <c>.ID.incomplete-PID</c> folder exists: running now, or lost when its process was killed.</summary>
    Incomplete,

    /// <summary><c>ID/metrics.json</c> exists (published atomically by <c>led run</c>).</summary>
    Completed,

    /// <summary>It failed; the error is recorded (rerun with <c>--retry-failed</c>).</summary>
    Failed,

    /// <summary>Stopped by Ctrl-C or a signal; run again by default.</summary>
    Interrupted,
}
