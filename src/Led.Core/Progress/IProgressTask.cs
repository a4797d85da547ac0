namespace Led.Core.Progress;

/// <summary>One long loop: report the number of finished steps and a short status such as the current loss.</summary>
public interface IProgressTask : IDisposable
{
    void Report(long done, string? status = null);
}
