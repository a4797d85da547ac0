using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Led.Hosting.Logging;

/// <summary>One category's logger of <see cref="RunLoggerFactory"/>: the formatted message, as <c>Component: message</c>, at the mapped Serilog level.</summary>
internal sealed class RunLogger(Serilog.ILogger log, string category) : Microsoft.Extensions.Logging.ILogger
{
    private readonly string _component = category[(category.LastIndexOf('.') + 1)..];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && log.IsEnabled(Level(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        log.Write(Level(logLevel), exception, "{Component:l}: {Text:l}", _component, formatter(state, exception));
    }

    private static LogEventLevel Level(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
