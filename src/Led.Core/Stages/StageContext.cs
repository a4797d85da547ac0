using Led.Abstractions.Learning;
using Led.Core.Progress;
using Led.Core.Training;
using Serilog;
using Serilog.Core;

namespace Led.Core.Stages;

/// <summary>What every stage runs with: the device, the run's seed, a log, progress and cancellation.</summary>
public sealed record StageContext(IDeviceContext Device, int Seed)
{
    public ILogger Log { get; init; } = Logger.None;

    public IProgressReporter Progress { get; init; } = SilentProgress.Instance;

    public CancellationToken Cancel { get; init; }

    /// <summary>
    /// The threads the run may use (the config's <c>threads</c>): besides torch's intra-op threads, the multiscale stage
    /// forecasts this many initial conditions at once on the components' compiled path.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Where the training stages keep their checkpoints (<c>checkpoints/</c> of the run folder), or null for none.</summary>
    public TrainingCheckpoints? Checkpoints { get; init; }
}
