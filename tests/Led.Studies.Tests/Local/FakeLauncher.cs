using Led.Studies.Local;

namespace Led.Studies.Tests.Local;

/// <summary>
/// Stands in for <c>led</c> processes: records each command and does what the real one publishes — a dataset file for
/// <c>simulate</c>, <c>metrics.json</c> for <c>run</c> — unless <see cref="Outcome"/> says otherwise for that command.
/// </summary>
public sealed class FakeLauncher : ILedLauncher
{
    private readonly object _gate = new();
    private readonly List<IReadOnlyList<string>> _commands = [];

    /// <summary>Decides how a command ends (null: it succeeds and publishes its results).</summary>
    public Func<IReadOnlyList<string>, LedExit?> Outcome { get; set; } = _ => null;

    public IReadOnlyList<IReadOnlyList<string>> Commands
    {
        get
        {
            lock (_gate) return _commands.ToList();
        }
    }

    /// <summary>The run folders that <c>led run</c> was started for, in order.</summary>
    public IReadOnlyList<string> RunFolders => Commands.Where(c => c[0] == "run").Select(c => Path.GetFileName(c[3])).ToList();

    /// <summary>How long each command takes before it publishes its results.</summary>
    public TimeSpan Delay { get; set; }

    public async Task<LedExit> RunAsync(IReadOnlyList<string> args, string logFile)
    {
        lock (_gate) _commands.Add(args);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        if (Outcome(args) is { } exit) return exit;
        switch (args[0])
        {
            case "simulate":
                File.WriteAllText(args[3], "dataset");
                break;
            case "run":
                Directory.CreateDirectory(args[3]);
                File.WriteAllText(Path.Combine(args[3], "metrics.json"), """{ "mnad": 0.125, "wall_seconds": 2 }""");
                break;
            default:
                throw new InvalidOperationException($"unexpected command: led {string.Join(' ', args)}");
        }
        return new LedExit(0, "");
    }
}
