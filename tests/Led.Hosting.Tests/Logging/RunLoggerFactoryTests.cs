using Led.Hosting.Logging;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Led.Hosting.Tests.Logging;

public sealed class RunLoggerFactoryTests
{
    /// <summary>Keeps every event, rendered as the run's log file renders its messages.</summary>
    internal sealed class ListSink : ILogEventSink
    {
        public List<(LogEventLevel Level, string Message)> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add((logEvent.Level, logEvent.RenderMessage()));
    }

    [Fact]
    public void AComponentsMessagesReachTheRunLogPrefixedWithItsTypeNameAtTheMappedLevel()
    {
        var sink = new ListSink();
        using var run = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(sink).CreateLogger();
        using var factory = new RunLoggerFactory(run);
        var log = factory.CreateLogger<RunLoggerFactoryTests>();
        log.LogInformation("fitted {Count} terms", 7);
        log.LogWarning("a warning");
        log.LogDebug("below the run's level");
        Assert.False(log.IsEnabled(LogLevel.Debug));
        Assert.False(log.IsEnabled(LogLevel.None));
        Assert.Equal([(LogEventLevel.Information, "RunLoggerFactoryTests: fitted 7 terms"), (LogEventLevel.Warning, "RunLoggerFactoryTests: a warning")], sink.Events);
    }

    [Fact]
    public void ProvidersCannotBeAdded()
    {
        using var factory = new RunLoggerFactory(Serilog.Core.Logger.None);
        var ex = Assert.Throws<NotSupportedException>(() => factory.AddProvider(null!));
        Assert.Equal("a run's loggers write to the run's log only; providers cannot be added", ex.Message);
    }
}
