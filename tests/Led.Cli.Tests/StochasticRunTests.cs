using System.Text.Json.Nodes;
using PureHDF;

namespace Led.Cli.Tests;

/// <summary>
/// A stochastic point-set system through <c>led run</c>: the test plugin's Ornstein–Uhlenbeck cloud with a
/// permutation-invariant encoder, a mixture-density decoder (separate slots) and a stochastic propagator trained by
/// negative log-likelihood; the forecast is an ensemble scored by distribution errors.
/// </summary>
public sealed class StochasticRunTests : IDisposable
{
    public const string Json = """
        {
          "system": { "name": "OrnsteinUhlenbeckCloud", "options": { "particles": 100, "dimensions": 2 } },
          "data": { "transient": 0, "trainTrajectories": 4, "trainSamples": 40, "validationTrajectories": 2, "validationSamples": 40, "testInitialConditions": 3 },
          "encoder": { "name": "MomentEncoder", "options": { "latentDim": 4 } },
          "decoder": { "name": "GaussianMixtureDecoder", "options": { "components": 2 } },
          "propagator": { "name": "GaussianLatentPropagator" },
          "training": { "optimizer": "adam", "learningRate": 0.01, "maxEpochs": 3, "patience": 2, "maxRounds": 1, "sequenceLength": 5, "windowLength": 21 },
          "forecast": { "warmup": 4, "horizon": 12, "ensemble": 5, "multiscale": { "microSteps": [2], "macroSteps": [3] } },
          "device": "cpu",
          "seed": 11
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("led-stochastic").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AParticleCloudRunsWithAMixtureDecoderAStochasticPropagatorAndAnEnsemble()
    {
        string config = Path.Combine(_dir, "cloud.json");
        File.WriteAllText(config, Json);
        string target = Path.Combine(_dir, "cloud");
        var (code, stdout, stderr) = LedProcess.Run(_dir, "run", config, "--out", target);
        Assert.True(code == 0, stdout + stderr);

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "metrics.json")))!;
        foreach (var key in new[] { "wasserstein", "histogram_l1", "wasserstein_x", "wasserstein_y", "histogram_l1_x", "wasserstein_persistence",
                                    "histogram_l1_persistence", "autoencoder_validation_nll_scaled", "propagator_validation_loss",
                                    "multiscale_mu2_m3_wasserstein", "multiscale_mu2_m0_wasserstein", "speedup_latent" })
            Assert.True(metrics[key] is not null && double.IsFinite(metrics[key]!.GetValue<double>()), key);
        Assert.Equal(5, metrics["ensemble"]!.GetValue<double>());
        Assert.InRange(metrics["histogram_l1"]!.GetValue<double>(), 0, 2);
        Assert.Null(metrics["mnad"]);                                      // point sets are not scored point by point
        Assert.Contains("wasserstein", stdout);

        using (var file = H5File.OpenRead(Path.Combine(target, "forecast.h5")))
        {
            Assert.Equal([3UL, 5, 12, 100, 2], file.Dataset("predictions").Space.Dimensions);
            Assert.Equal([3UL, 12, 100, 2], file.Dataset("targets").Space.Dimensions);
            Assert.Equal([3UL, 12], file.Dataset("errors/wasserstein").Space.Dimensions);
            Assert.Equal(5, file.Attribute("ensemble").Read<int>());
        }
        using (var data = H5File.OpenRead(Path.Combine(target, "data.h5")))
        {
            Assert.Equal("point_set", data.Attribute("observable").Read<string>());
            Assert.Equal(["x", "y"], data.Attribute("dimensions").Read<string[]>());
        }
        Assert.True(File.Exists(Path.Combine(target, "wasserstein_vs_time.png")));
        Assert.True(File.Exists(Path.Combine(target, "marginal_x.png")) && File.Exists(Path.Combine(target, "marginal_y.png")));
        Assert.Equal("micro_steps,macro_steps,rho,wasserstein,histogram_l1,seconds_per_step,speedup", File.ReadAllLines(Path.Combine(target, "multiscale.csv"))[0]);
    }

    [Fact]
    public void AnEncoderAloneNeedsADecoderAndAnAutoencoderRefusesOne()
    {
        string alone = Path.Combine(_dir, "alone.json");
        File.WriteAllText(alone, Json.Replace("\"decoder\": { \"name\": \"GaussianMixtureDecoder\", \"options\": { \"components\": 2 } },", ""));
        var (code, _, stderr) = LedProcess.Run(_dir, "validate", alone);
        Assert.Equal(2, code);
        Assert.Contains("decoder: encoder MomentEncoder has no decoder of its own", stderr);

        string both = Path.Combine(_dir, "both.json");
        File.WriteAllText(both, Json.Replace("\"name\": \"MomentEncoder\", \"options\": { \"latentDim\": 4 }", "\"name\": \"Pca\", \"options\": { \"latentDim\": 4 }"));
        (code, _, stderr) = LedProcess.Run(_dir, "validate", both);
        Assert.Equal(2, code);
        Assert.Contains("decoder: encoder Pca is an autoencoder and decodes itself", stderr);
    }

    [Fact]
    public void ValidateRefusesLikelihoodLossesAndEnsemblesThatTheModelCannotUse()
    {
        string config = Path.Combine(_dir, "deterministic.json");
        File.WriteAllText(config, TinyExperiment.Json
            .Replace("\"forecast\": { \"warmup\": 5, \"horizon\": 20 }", "\"forecast\": { \"warmup\": 5, \"horizon\": 20, \"ensemble\": 3 }")
            .Replace("\"windowLength\": 41", "\"windowLength\": 41, \"propagatorLoss\": \"nll\", \"autoencoderLoss\": \"nll\""));
        var (code, stdout, stderr) = LedProcess.Run(_dir, "validate", config);
        Assert.Equal(2, code);
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("error: training.autoencoderLoss: nll needs a decoder that returns a distribution; Pca", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("error: training.propagatorLoss: nll needs a stochastic propagator; Lstm", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("error: forecast.ensemble: 3 members of a deterministic model would be identical", StringComparison.Ordinal));
        Assert.Equal("", stdout);
    }
}
