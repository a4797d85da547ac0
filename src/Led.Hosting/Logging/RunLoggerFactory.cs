using Microsoft.Extensions.Logging;

namespace Led.Hosting.Logging;

/// <summary>
/// Microsoft.Extensions.Logging loggers that write to a run's Serilog log (console and <c>log.txt</c>): what a plugin logs
/// through the <c>ILogger&lt;T&gt;</c> its constructor takes reaches the run's log, prefixed with the component's type name.
/// </summary>
public sealed class RunLoggerFactory(Serilog.ILogger log) : ILoggerFactory
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new RunLogger(log, categoryName);

    /// <summary>Providers are not used: every logger writes to the run's log.</summary>
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("a run's loggers write to the run's log only; providers cannot be added");

    public void Dispose() { }
}
