using System.Text.Json.Nodes;
using Led.Testing;

namespace Led.Cli.Tests;

/// <summary>
/// The shipped KS quick pipeline, as shipped (plots off): PCA 16 + quadratic SINDy runs end to end, scores Latent-LED over
/// 330 steps (4 Lyapunov times), against persistence over the first 33 and by its valid time, and its saved model
/// forecasts the same numbers again. Nothing here is trained by gradient: the PCA and the SINDy fit are closed-form least
/// squares, which differ between CPUs by round-off only, so the target is asserted — MNAD over 4 Lyapunov times ≤ 0.2
/// (measured here, four seeds: 0.037–0.059 against persistence's 0.25–0.29; docs/results.md).
/// </summary>
public sealed class KuramotoSivashinskyQuickTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-ks").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheQuickConfigForecastsFourLyapunovTimesScoredAgainstPersistenceAndItsModelReproducesTheScores()
    {
        string config = Path.Combine(RepositoryPaths.Root, "configs", "ks", "quick.json");
        string target = Path.Combine(_dir, "ks");
        var (code, stdout, stderr) = LedProcess.Run(_dir, "run", config, "--out", target, "--set", "output.plots=false");
        Assert.True(code == 0, stdout + stderr);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "metrics.json")))!;
        Assert.Equal(330, metrics["horizon"]!.GetValue<double>());
        Assert.Equal(33, metrics["short_horizon_steps"]!.GetValue<double>());
        string[] scores = ["mnad", "mnad_short", "mnad_persistence_short", "autoencoder_validation_mse_scaled", "valid_lyapunov_times"];
        foreach (var key in scores)
            Assert.True(metrics[key]!.GetValue<double>() is var value && double.IsFinite(value) && value > 0, $"{key} {metrics[key]}");

        Assert.True(metrics["mnad"]!.GetValue<double>() <= 0.2, $"MNAD over 330 steps {metrics["mnad"]}, target ≤ 0.2");
        Assert.True(metrics["mnad_short"]!.GetValue<double>() < 0.5 * metrics["mnad_persistence_short"]!.GetValue<double>(),
            $"MNAD over 33 steps {metrics["mnad_short"]} against persistence's {metrics["mnad_persistence_short"]}");

        // The same model on the same data gives the same numbers, bit for bit.
        var again = LedProcess.Run(_dir, "forecast", config, "--model", target, "--out", Path.Combine(_dir, "again"), "--set", "output.plots=false");
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        var repeat = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "again", "metrics.json")))!;
        foreach (var key in new[] { "mnad", "mnad_short", "mnad_persistence_short", "valid_lyapunov_times" })
            Assert.Equal(metrics[key]!.GetValue<double>(), repeat[key]!.GetValue<double>());
    }
}
