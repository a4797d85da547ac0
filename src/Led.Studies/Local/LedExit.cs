namespace Led.Studies.Local;

/// <summary>How a <c>led</c> command ended: its exit code and the errors it printed (empty when none).</summary>
public readonly record struct LedExit(int ExitCode, string Errors);
