using System.Diagnostics;
using System.Reflection;

namespace Led.Studies.Local;

/// <summary>Runs <c>led</c> itself (this executable) as a child process, its output going to a log file.</summary>
public sealed class LedChildProcess : ILedLauncher
{
    /// <summary>
    /// The command that starts this <c>led</c>: the apphost alone, or <c>dotnet led.dll</c> when started through the
    /// dotnet host (<see cref="Environment.ProcessPath"/> plus the entry assembly).
    /// </summary>
    public static IReadOnlyList<string> Executable()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        string entry = Assembly.GetEntryAssembly()?.Location ?? "";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry.Length > 0 ? [process, entry] : [process];
    }

    /// <summary>
    /// Runs <c>led args…</c>, writing its stdout and stderr to <paramref name="logFile"/>; returns the exit code and the
    /// <c>error:</c> lines it printed. Not killed on cancellation: Ctrl-C reaches the child too, which stops cleanly.
    /// </summary>
    public async Task<LedExit> RunAsync(IReadOnlyList<string> args, string logFile)
    {
        var command = Executable();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1).Concat(args)) start.ArgumentList.Add(a);
        start.Environment["TERM"] = "dumb";
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        await using var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var gate = new object();
        var errors = new List<string>();
        lock (gate) log.WriteLine($"$ {string.Join(' ', command.Concat(args).Select(Quote))}");
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (gate) log.WriteLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (gate)
            {
                log.WriteLine(e.Data);
                if (e.Data.StartsWith("error: ", StringComparison.Ordinal)) errors.Add(e.Data["error: ".Length..]);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        process.WaitForExit(); // drains the output events
        lock (gate)
        {
            log.WriteLine($"exit code {process.ExitCode}");
            return new LedExit(process.ExitCode, string.Join("; ", errors));
        }
    }

    /// <summary>Quotes an argument for a POSIX shell when needed.</summary>
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? argument : "'" + argument.Replace("'", "'\\''") + "'";
}
