using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using Spectre.Console;

namespace Led.Cli.Terminal;

/// <summary>Writes log events through Spectre.Console so they appear cleanly above live progress bars.</summary>
public sealed class SpectreLogSink(LogEventLevel minimum) : ILogEventSink
{
    /// <summary>Renders the message with strings unquoted (as the file sink's <c>:lj</c> format does).</summary>
    private static string Render(LogEvent logEvent)
    {
        var text = new StringWriter();
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                && value is ScalarValue { Value: string s })
                text.Write(s);
            else
                token.Render(logEvent.Properties, text);
        }
        return text.ToString();
    }

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < minimum) return;
        string message = Render(logEvent);
        string color = logEvent.Level switch
        {
            >= LogEventLevel.Error => "red",
            LogEventLevel.Warning => "yellow",
            _ => "grey",
        };
        string time = logEvent.Timestamp.ToString("HH:mm:ss");
        if (logEvent.Level >= LogEventLevel.Warning)
            AnsiConsole.MarkupLineInterpolated($"[{color}]{time} {logEvent.Level.ToString().ToLowerInvariant()}:[/] {message}");
        else
            AnsiConsole.MarkupLineInterpolated($"[{color}]{time}[/] {message}");
        if (logEvent.Exception is { } ex && logEvent.Level >= LogEventLevel.Error)
            AnsiConsole.MarkupLineInterpolated($"[grey]{ex.GetType().Name}: {ex.Message}[/]");
    }
}
