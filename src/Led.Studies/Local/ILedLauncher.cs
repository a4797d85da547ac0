namespace Led.Studies.Local;

/// <summary>Starts <c>led</c> commands for a study (simulate, train, run) and waits for them.</summary>
public interface ILedLauncher
{
    /// <summary>
    /// Runs <c>led args…</c>, its output going to <paramref name="logFile"/>; returns the exit code and the <c>error:</c>
    /// lines it printed, joined by <c>"; "</c>.
    /// </summary>
    Task<LedExit> RunAsync(IReadOnlyList<string> args, string logFile);
}
