namespace Led.Cli.Tests;

/// <summary>Output folders are checked before any work: results are never replaced without --force, nor written into a file.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-out").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AFinishedRunIsReplacedOnlyWithForceAndOnlyWhenTheNewRunCompletes()
    {
        string config = TinyExperiment.WriteConfig(_dir), target = Path.Combine(_dir, "run");
        Assert.Equal(0, LedProcess.Run(_dir, "run", config, "--out", target).ExitCode);
        File.WriteAllText(Path.Combine(target, "note.txt"), "mine");

        var refused = LedProcess.Run(_dir, "run", config, "--out", target);
        Assert.Equal(2, refused.ExitCode);
        var error = Assert.Single(LedProcess.Errors(refused.Error));
        Assert.Contains(target, error);
        Assert.Contains("--force", error);
        Assert.True(File.Exists(Path.Combine(target, "note.txt")));
        Assert.Equal(["config.json", "run"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());

        // Forced but failing (an unreadable dataset): the earlier results stay.
        File.WriteAllText(Path.Combine(_dir, "broken.h5"), "not an HDF5 file");
        var failed = LedProcess.Run(_dir, "run", config, "--out", target, "--force", "--set", "data.path=broken.h5");
        Assert.Equal(1, failed.ExitCode);
        Assert.True(File.Exists(Path.Combine(target, "note.txt")));

        var forced = LedProcess.Run(_dir, "run", config, "--out", target, "--force");
        Assert.True(forced.ExitCode == 0, forced.Out + forced.Error);
        Assert.Contains("replaced when this run completes", forced.Out);
        Assert.False(File.Exists(Path.Combine(target, "note.txt")));
        Assert.True(File.Exists(Path.Combine(target, "metrics.json")));
    }

    [Fact]
    public void AnOutputThatIsAFileIsRefusedBeforeAnyWork()
    {
        string config = TinyExperiment.WriteConfig(_dir), file = Path.Combine(_dir, "taken");
        File.WriteAllText(file, "a file");
        var (code, stdout, stderr) = LedProcess.Run(_dir, "run", config, "--out", file);
        Assert.Equal(2, code);
        Assert.Equal($"error: --out: {file} is a file, not a folder: give a folder path", Assert.Single(LedProcess.Errors(stderr)));
        Assert.DoesNotContain("simulat", stdout);
        Assert.Equal(["config.json", "taken"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void AnOutputThatCannotBeCreatedGivesOneMessageAndNoStackTrace()
    {
        string config = TinyExperiment.WriteConfig(_dir), file = Path.Combine(_dir, "taken");
        File.WriteAllText(file, "a file");
        var (code, _, stderr) = LedProcess.Run(_dir, "run", config, "--out", Path.Combine(file, "run"));
        Assert.Equal(2, code);
        Assert.Equal($"error: --out: {Path.Combine(file, "run")} cannot be created because {file} is a file: give a folder path", Assert.Single(LedProcess.Errors(stderr)));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void SimulateRefusesAFolderAsItsOutputFileBeforeSimulating()
    {
        string config = TinyExperiment.WriteConfig(_dir), folder = Path.Combine(_dir, "folder");
        Directory.CreateDirectory(folder);
        var (code, _, stderr) = LedProcess.Run(_dir, "simulate", config, "--out", folder);
        Assert.Equal(2, code);
        Assert.Equal($"error: --out: {folder} is a folder, not a file: give a file path, e.g. {Path.Combine(folder, "data.h5")}", Assert.Single(LedProcess.Errors(stderr)));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void ImportTorchRefusesAnExistingModelFolderOrAFileBeforeReadingTheWeights()
    {
        string config = TinyExperiment.WriteConfig(_dir), model = Path.Combine(_dir, "model"), file = Path.Combine(_dir, "taken");
        Directory.CreateDirectory(model);
        File.WriteAllText(Path.Combine(model, "scalers.json"), "{}");
        File.WriteAllText(file, "a file");
        string[] scaler = ["--scaler-min", "-1,-1", "--scaler-max", "1,1", "--weights", Path.Combine(_dir, "missing.pt")];

        var existing = LedProcess.Run(_dir, ["import-torch", config, "--out", model, .. scaler]);
        Assert.Equal(2, existing.ExitCode);
        Assert.Contains(LedProcess.Errors(existing.Error), e => e.Contains(model) && e.Contains("--force"));

        var onFile = LedProcess.Run(_dir, ["import-torch", config, "--out", file, .. scaler]);
        Assert.Equal(2, onFile.ExitCode);
        Assert.Contains($"error: --out: {file} is a file, not a folder: give a folder path", LedProcess.Errors(onFile.Error));
        Assert.Equal(["config.json", "model", "taken"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());
        Assert.Equal("{}", File.ReadAllText(Path.Combine(model, "scalers.json")));
    }
}
