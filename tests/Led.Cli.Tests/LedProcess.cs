using System.Diagnostics;
using Led.Testing;

namespace Led.Cli.Tests;

/// <summary>Runs the built <c>led</c> host in a separate process.</summary>
public static class LedProcess
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string HostDirectory => Path.Combine(RepositoryPaths.Root, "hosts", "Led.Cli", "bin", Configuration, "net10.0");

    private static readonly Lazy<string> OscillatorFolder = new(() =>
    {
        string folder = Path.Combine(Path.GetTempPath(), $"led-cli-plugins-{Environment.ProcessId}");
        foreach (var name in new[] { "Led.TestPlugins.Oscillator", "Led.TestPlugins.ParticleCloud" })
        {
            string source = Path.Combine(RepositoryPaths.Root, "artifacts", "test-plugins", Configuration, name);
            string target = Path.Combine(folder, name);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
        return folder;
    });

    /// <summary>A folder holding only the test plugins Oscillator and ParticleCloud (added through LED_PLUGIN_PATH), as a user drops them.</summary>
    public static string TestPlugins => OscillatorFolder.Value;

    /// <summary>The <c>error:</c> lines of a command's standard error.</summary>
    public static string[] Errors(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();

    /// <summary>Starts <c>led</c> with <paramref name="args"/> without waiting (its output is read and dropped); the caller ends it.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var process = Process.Start(StartInfo(workingDirectory, args))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(HostDirectory, "led.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["LED_PLUGIN_PATH"] = TestPlugins;
        start.Environment["TERM"] = "dumb";
        return start;
    }

    public static (int ExitCode, string Out, string Error) Run(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"led {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
