namespace Led.Core.Progress;

/// <summary>Shows progress of long loops (a live bar on a terminal, plain log lines otherwise).</summary>
public interface IProgressReporter
{
    IProgressTask Start(string description, long total);
}
