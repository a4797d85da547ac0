using System.Text.Json.Nodes;

namespace Led.Cli.Tests;

/// <summary>A training killed mid-way continues with <c>--resume</c> from its last checkpoint to the same results.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-resume").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The tiny experiment with a trained autoencoder and three rounds of early stopping, checkpointed after every epoch:
    /// about 30 epochs of training in all; sequential training with input noise, or end to end; the MLP autoencoder, or
    /// the variational one with the same sizes (its training draws latent samples).
    /// </summary>
    private string Config(string mode, string autoencoder) => TinyExperiment.WriteConfig(_dir, TinyExperiment.WithMlpAutoencoder(TinyExperiment.Json)
        .Replace("\"name\": \"MlpAutoencoder\"", $"\"name\": \"{autoencoder}\"").Replace(TinyExperiment.Training,
        $"\"training\": {{ \"mode\": \"{mode}\", \"optimizer\": \"adam\", \"learningRate\": 0.01, \"maxEpochs\": 30, \"patience\": 3, \"maxRounds\": 3, " +
        $"\"sequenceLength\": 10, \"windowLength\": 41, \"noise\": {(mode == "sequential" ? "0.01" : "0")}, \"checkpointMinutes\": 0 }},"));

    /// <summary>Starts <c>led run</c> into <paramref name="name"/> and kills it (SIGKILL) as soon as the training <paramref name="stage"/> has a checkpoint.</summary>
    private string KillDuringTraining(string config, string name, string stage)
    {
        using var process = LedProcess.Start(_dir, "run", config, "--out", Path.Combine(_dir, name));
        string incomplete = Path.Combine(_dir, $".{name}.incomplete-{process.Id}");
        string checkpoint = Path.Combine(incomplete, "checkpoints", stage + ".ckpt");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(checkpoint) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(5);
        Assert.False(process.HasExited, $"the run ended before it could be killed during its {stage} training");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.True(File.Exists(checkpoint));
        return incomplete;
    }

    private static JsonObject Metrics(string run)
    {
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!.AsObject();
        foreach (var timing in metrics.Select(kv => kv.Key).Where(k => k.Contains("seconds") || k.StartsWith("speedup", StringComparison.Ordinal)).ToList())
            metrics.Remove(timing);
        return metrics;
    }

    /// <summary>A training history without its last column (seconds per epoch).</summary>
    private static string[] History(string run, string stage) =>
        File.ReadAllLines(Path.Combine(run, $"training_{stage}.csv")).Select(l => l[..l.LastIndexOf(',')]).ToArray();

    [Theory]
    [InlineData("sequential", "propagator", "MlpAutoencoder")]
    [InlineData("endToEnd", "end_to_end", "MlpAutoencoder")]
    [InlineData("sequential", "autoencoder", "VariationalAutoencoder")]
    public void AKilledRunResumesToTheSameWeightsHistoryAndMetricsAsAnUninterruptedOne(string mode, string stage, string autoencoder)
    {
        string config = Config(mode, autoencoder);
        string full = Path.Combine(_dir, "full"), resumed = Path.Combine(_dir, "resumed");
        var uninterrupted = LedProcess.Run(_dir, "run", config, "--out", full);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Out + uninterrupted.Error);
        Assert.False(Directory.Exists(Path.Combine(full, "checkpoints")), "checkpoints are removed when a run completes");

        string incomplete = KillDuringTraining(config, "resumed", stage);

        // Another configuration is refused before any work, saying how to start afresh; the interrupted run is kept.
        var other = LedProcess.Run(_dir, "run", config, "--out", resumed, "--resume", "--set", "training.learningRate=0.02");
        Assert.Equal(2, other.ExitCode);
        var error = Assert.Single(LedProcess.Errors(other.Error));
        Assert.Equal($"error: --resume: the interrupted run in {incomplete} was started with another configuration (training.learningRate: 0.01 then, 0.02 now): " +
                     "resume it with the configuration it was started with, or run without --resume to start afresh (the interrupted run is then removed)", error);
        Assert.True(Directory.Exists(incomplete));

        var resume = LedProcess.Run(_dir, "run", config, "--out", resumed, "--resume", "--set", "threads=1");
        Assert.True(resume.ExitCode == 0, resume.Out + resume.Error);
        Assert.False(Directory.Exists(incomplete));
        string log = File.ReadAllText(Path.Combine(resumed, "log.txt"));
        Assert.Contains($"--resume: continuing the interrupted run in {incomplete}", log);
        Assert.Contains(" resumed from ", log);

        foreach (var file in new[] { "autoencoder.bin", "propagator.bin", "scalers.json" })
            Assert.True(File.ReadAllBytes(Path.Combine(full, "model", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(resumed, "model", file))),
                $"model/{file} differs from the uninterrupted run's");
        foreach (var history in Directory.GetFiles(full, "training_*.csv").Select(f => Path.GetFileNameWithoutExtension(f)["training_".Length..]))
            Assert.Equal(History(full, history), History(resumed, history));
        Assert.True(JsonNode.DeepEquals(Metrics(full), Metrics(resumed)), $"{Metrics(full)}\n{Metrics(resumed)}");
        Assert.Empty(Directory.GetDirectories(_dir, ".*incomplete*"));
    }
}
