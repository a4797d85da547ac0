namespace Led.Cli.Tests;

/// <summary>A model folder's files are checked against its manifest before a forecast uses them.</summary>
public sealed class ModelIntegrityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-model").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    [Fact]
    public void ADamagedModelFileIsRefusedAndAnOlderFolderWithoutManifestLoadsWithAWarning()
    {
        string config = TinyExperiment.WriteConfig(_dir);
        string run = Path.Combine(_dir, "run");
        var trained = LedProcess.Run(_dir, "run", config, "--out", run);
        Assert.True(trained.ExitCode == 0, trained.Out + trained.Error);
        Assert.True(File.Exists(Path.Combine(run, "model", "manifest.json")));

        string flipped = Path.Combine(_dir, "flipped");
        CopyFolder(Path.Combine(run, "model"), flipped);
        string propagator = Path.Combine(flipped, "propagator.bin");
        var bytes = File.ReadAllBytes(propagator);
        bytes[^5] ^= 0x10;
        File.WriteAllBytes(propagator, bytes);
        var refused = LedProcess.Run(_dir, "forecast", config, "--model", flipped, "--out", Path.Combine(_dir, "f1"));
        Assert.Equal(2, refused.ExitCode);
        var error = Assert.Single(LedProcess.Errors(refused.Error));
        Assert.StartsWith($"error: --model: model file {propagator} does not match its manifest (SHA-256 ", error);
        Assert.EndsWith("the file is damaged; train again or restore it", error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "f1")));

        string truncated = Path.Combine(_dir, "truncated");
        CopyFolder(Path.Combine(run, "model"), truncated);
        string autoencoder = Path.Combine(truncated, "autoencoder.bin");
        File.WriteAllBytes(autoencoder, File.ReadAllBytes(autoencoder)[..10]);
        var cut = LedProcess.Run(_dir, "forecast", config, "--model", truncated, "--out", Path.Combine(_dir, "f2"));
        Assert.Equal(2, cut.ExitCode);
        Assert.Contains($"model file {autoencoder} does not match its manifest", cut.Error);
        Assert.DoesNotContain("the config the model was trained with", cut.Error);

        string older = Path.Combine(_dir, "older");
        CopyFolder(Path.Combine(run, "model"), older);
        File.Delete(Path.Combine(older, "manifest.json"));
        var loaded = LedProcess.Run(_dir, "forecast", config, "--model", older, "--out", Path.Combine(_dir, "f3"));
        Assert.True(loaded.ExitCode == 0, loaded.Out + loaded.Error);
        Assert.Contains("has no manifest.json (saved by an earlier version): its files are loaded unchecked", File.ReadAllText(Path.Combine(_dir, "f3", "log.txt")));
    }

    [Fact]
    public void ADamagedReusedAutoencoderIsRefusedBeforeTraining()
    {
        string config = TinyExperiment.WriteConfig(_dir);
        string shared = Path.Combine(_dir, "shared");
        var trained = LedProcess.Run(_dir, "train", config, "--autoencoder-only", "--out", shared);
        Assert.True(trained.ExitCode == 0, trained.Out + trained.Error);
        string scalers = Path.Combine(shared, "model", "scalers.json");
        File.WriteAllText(scalers, File.ReadAllText(scalers).Replace("\"latent_dim\": 8", "\"latent_dim\": 9"));

        var (code, _, stderr) = LedProcess.Run(_dir, "run", config, "--set", $"training.autoencoder={shared}", "--out", Path.Combine(_dir, "run"));
        Assert.Equal(2, code);
        Assert.Contains($"error: training.autoencoder: model file {scalers} does not match its manifest (SHA-256 ", stderr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "run")));
    }
}
