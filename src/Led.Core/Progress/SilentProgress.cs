namespace Led.Core.Progress;

/// <summary>Progress that shows nothing (tests, library use).</summary>
public sealed class SilentProgress : IProgressReporter, IProgressTask
{
    public static SilentProgress Instance { get; } = new();

    public IProgressTask Start(string description, long total) => this;

    public void Report(long done, string? status = null) { }

    public void Dispose() { }
}
