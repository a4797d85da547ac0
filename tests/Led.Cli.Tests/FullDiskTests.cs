using System.Diagnostics;

namespace Led.Cli.Tests;

/// <summary>A run on a disk that fills up names the cause, exits 1 and leaves no hidden incomplete folder behind.</summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-full").FullName;
    private readonly string _disk;

    public FullDiskTests() => _disk = Path.Combine(_dir, "disk");

    public void Dispose()
    {
        if (Directory.Exists(_disk) && File.ReadAllText("/proc/mounts").Contains($" {_disk} ", StringComparison.Ordinal)) Mount("umount", _disk);
        Directory.Delete(_dir, recursive: true);
    }

    [TmpfsFact]
    public void ADiskThatFillsWhileTheDataIsWrittenIsNamedAndCleanedUp()
    {
        // 2 × 1000 values per state over 255 samples: about 4 MB of data for a 1 MB disk.
        var (code, stderr) = RunOnTinyDisk("1m", TinyExperiment.Json.Replace("\"grid\": [4]", "\"grid\": [1000]"));
        AssertFullDiskFailure(code, stderr);
        Assert.DoesNotContain("forecast:", File.ReadAllText(Path.Combine(_disk, "run.failed", "log.txt")));
    }

    [TmpfsFact]
    public void ADiskThatFillsWhileTheReportsAreWrittenIsNamedAndCleanedUp()
    {
        // The data, model and forecasts (about 50 kB) fit in 320 kB; the plots (about 500 kB) do not.
        var (code, stderr) = RunOnTinyDisk("320k", TinyExperiment.Json);
        AssertFullDiskFailure(code, stderr);
        Assert.Contains("forecast:", File.ReadAllText(Path.Combine(_disk, "run.failed", "log.txt")));
    }

    private (int Code, string Error) RunOnTinyDisk(string size, string json)
    {
        Directory.CreateDirectory(_disk);
        Mount("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", _disk);
        string config = TinyExperiment.WriteConfig(_dir, json);
        var (code, _, stderr) = LedProcess.Run(_dir, "run", config, "--out", Path.Combine(_disk, "run"));
        return (code, stderr);
    }

    private void AssertFullDiskFailure(int code, string stderr)
    {
        Assert.Equal(1, code);
        Assert.Equal($"error: no space left on device: {Path.Combine(_disk, "run")} (free space there or write elsewhere with --out)",
            Assert.Single(LedProcess.Errors(stderr)));
        Assert.DoesNotContain("   at ", stderr);
        // Nothing hidden keeps the disk full: only the failed run's log and error remain.
        Assert.Equal(["run.failed"], Directory.GetFileSystemEntries(_disk).Select(Path.GetFileName));
        Assert.Equal(["error.txt", "log.txt"], Directory.GetFileSystemEntries(Path.Combine(_disk, "run.failed")).Select(Path.GetFileName).Order());
    }

    private static void Mount(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed: {error}");
    }
}
