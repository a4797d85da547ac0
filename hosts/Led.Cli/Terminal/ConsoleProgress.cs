using System.Diagnostics;
using Led.Core.Progress;
using Serilog;
using Spectre.Console;

namespace Led.Cli.Terminal;

/// <summary>
/// Progress on the console: live bars with ETA on an interactive terminal; otherwise a plain log line per task at
/// most every few seconds (step, percentage, status, ETA) and a final line.
/// </summary>
public sealed class ConsoleProgress : IProgressReporter
{
    private readonly ProgressContext? _context;
    private readonly ILogger _log;

    private ConsoleProgress(ProgressContext? context, ILogger log)
    {
        _context = context;
        _log = log;
    }

    /// <summary>Runs <paramref name="body"/> with a progress reporter suited to the console it writes to.</summary>
    public static T Run<T>(ILogger log, Func<IProgressReporter, T> body)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || System.Console.IsOutputRedirected)
            return body(new ConsoleProgress(null, log));
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => body(new ConsoleProgress(ctx, log)));
    }

    public IProgressTask Start(string description, long total)
    {
        _log.Information("{Task}: started ({Total} steps)", description, total);
        return _context is null ? new LogTask(_log, description, total) : new LiveTask(_context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total)), description, _log);
    }

    private sealed class LiveTask(ProgressTask task, string description, ILogger log) : IProgressTask
    {
        private string? _status;

        public void Report(long done, string? status = null)
        {
            task.Value = done;
            if (status is not null && status != _status)
            {
                _status = status;
                task.Description = Markup.Escape($"{description} {status}");
            }
        }

        public void Dispose()
        {
            task.Value = task.MaxValue;
            task.StopTask();
            log.Information("{Task}: done {Status}", description, _status ?? "");
        }
    }

    private sealed class LogTask(ILogger log, string description, long total) : IProgressTask
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new();
        private TimeSpan _lastLine = TimeSpan.Zero;
        private long _done;
        private string? _status;

        public void Report(long done, string? status = null)
        {
            lock (_gate)
            {
                _done = done;
                _status = status ?? _status;
                if (_clock.Elapsed - _lastLine < TimeSpan.FromSeconds(5)) return;
                _lastLine = _clock.Elapsed;
                double fraction = total > 0 ? (double)done / total : 0;
                var eta = fraction > 0 ? TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
                log.Information("{Task}: {Done}/{Total} ({Percent:F0}%) {Status} ETA {Eta:hh\\:mm\\:ss}",
                    description, done, total, 100 * fraction, _status ?? "", eta);
            }
        }

        public void Dispose() =>
            log.Information("{Task}: done in {Elapsed:F1} s {Status}", description, _clock.Elapsed.TotalSeconds, _status ?? "");
    }
}
