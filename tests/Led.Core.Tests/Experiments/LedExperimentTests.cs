using Led.Abstractions.Learning;
using Led.Autoencoders.Pca;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Experiments;
using Led.Core.Stages;
using Led.Propagators.Lstm;
using Led.Systems.KuramotoSivashinsky;
using Led.TestPlugins.ParticleCloud;

namespace Led.Core.Tests.Experiments;

public sealed class LedExperimentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-experiment").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The code-first example of docs/code-first.md, as printed there (only the folder differs).</summary>
    [Fact]
    public void TheCodeFirstExampleRunsEveryStage()
    {
        string directory = Path.Combine(_dir, "ks");
        // --- example start
        var device = DeviceContext.Create("cpu", Precision.Float64, threads: 1, seed: 7);
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 0.0025 });
        var autoencoder = new PcaAutoencoder(new PcaOptions { LatentDim = 8 }, system.Description, device);
        var propagator = new LstmPropagator(new LstmOptions { Hidden = 16 }, new LatentSpace(8), device);
        using var experiment = new LedExperiment(system, autoencoder, propagator, new StageContext(device, Seed: 7))
        {
            SystemName = "KuramotoSivashinsky",
            Data = new DataOptions { Transient = 50, TrainSamples = 200, ValidationSamples = 100, TestInitialConditions = 2 },
            Training = new TrainingOptions { MaxEpochs = 2, SequenceLength = 10, WindowLength = 41, Optimizer = OptimizerKind.Adam },
            Forecast = new ForecastOptions { Warmup = 10, Horizon = 20 },
            Output = new OutputOptions { Plots = false },
            Metrics = [new UxUxxDensity(new UxUxxDensityOptions())],
        };
        var metrics = experiment.Run(directory);
        // --- example end
        Assert.Equal(20, metrics["horizon"]);
        foreach (var key in new[] { "mnad", "mnad_persistence", "ux_uxx_l1_u", "speedup_latent", "autoencoder_validation_mse_scaled" })
            Assert.True(double.IsFinite(metrics[key]) && metrics[key] >= 0, key);
        Assert.True(File.Exists(Path.Combine(directory, "model", "propagator.bin")));
        Assert.True(File.Exists(Path.Combine(directory, "forecast.h5")));
        Assert.Equal("mnad", experiment.Headline);
    }

    /// <summary>
    /// The metric components are also scored on the autoencoder's reconstruction of the targets: with as many PCA modes
    /// as grid points the reconstruction is exact, so the u_x–u_xx density of the reconstruction equals the truth's
    /// (L1 0 to round-off), while the forecast's does not.
    /// </summary>
    [Fact]
    public void MetricsAreAlsoScoredOnTheReconstructionOfTheTargets()
    {
        var device = DeviceContext.Create("cpu", Precision.Float64, threads: 1, seed: 7);
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { GridPoints = 16, MicroStep = 0.0025 });
        var autoencoder = new PcaAutoencoder(new PcaOptions { LatentDim = 16 }, system.Description, device);
        var propagator = new LstmPropagator(new LstmOptions { Hidden = 8 }, new LatentSpace(16), device);
        using var experiment = new LedExperiment(system, autoencoder, propagator, new StageContext(device, Seed: 7))
        {
            Data = new DataOptions { Transient = 50, TrainSamples = 120, ValidationSamples = 60, TestInitialConditions = 2 },
            Training = new TrainingOptions { MaxEpochs = 1, SequenceLength = 10, WindowLength = 41, Optimizer = OptimizerKind.Adam },
            Forecast = new ForecastOptions { Warmup = 10, Horizon = 30 },
            Output = new OutputOptions { Plots = false },
            Metrics = [new UxUxxDensity(new UxUxxDensityOptions())],
        };
        var metrics = experiment.Run(Path.Combine(_dir, "reconstruction"));

        Assert.True(metrics["reconstruction_mse"] < 1e-20, $"reconstruction MSE {metrics["reconstruction_mse"]}");
        Assert.Equal(0, metrics["reconstruction_ux_uxx_l1_u"], 1e-9);
        Assert.True(metrics["ux_uxx_l1_u"] > 1e-3, $"forecast's L1 {metrics["ux_uxx_l1_u"]}");
    }

    /// <summary>
    /// A stochastic model with exact weights: the encoder gives the cloud's first and second moments, the propagator is the
    /// identity with a negligible spread. Every member's latent path then stays at the encoding of the last teacher-forced
    /// frame, and the decoded clouds are sampled from the decoder.
    /// </summary>
    [Fact]
    public void AnExactStochasticModelKeepsEveryMembersLatentAtTheLastWarmupEncoding()
    {
        var device = DeviceContext.Create("cpu", Precision.Float64, threads: 1, seed: 5);
        var options = new OrnsteinUhlenbeckCloudOptions { Particles = 50, Dimensions = 2 };
        var system = new OrnsteinUhlenbeckCloud(options);
        var encoder = new MomentEncoder(new MomentEncoderOptions { LatentDim = 4 }, system.Description, device);
        encoder.SetWeights(new double[,] { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } }, new double[4]);
        var decoder = new GaussianMixtureDecoder(new GaussianMixtureDecoderOptions { Components = 1 }, system.Description, new LatentSpace(4), device);
        var propagator = new GaussianLatentPropagator(new GaussianLatentPropagatorOptions(), new LatentSpace(4), device);
        propagator.SetWeights(new double[4, 4], new double[4], [-20.0, -20, -20, -20]);
        var experiment = new LedExperiment(system, encoder, decoder, propagator, new StageContext(device, Seed: 5))
        {
            Data = new DataOptions { Transient = 0, TrainSamples = 30, ValidationSamples = 20, TestInitialConditions = 2 },
            Forecast = new ForecastOptions { Warmup = 4, Horizon = 6, Ensemble = 3 },
        };
        var data = experiment.Simulate();
        var model = new Led.Core.Training.LedModel(experiment.Autoencoder, propagator, data.Scaler, null);
        using var forecast = new ForecastStage(experiment.Forecast, experiment.Context).Run(data, model);

        Assert.Equal(2 * 3 * 6 * 50 * 2, forecast.Predictions.Length);
        Assert.Equal([6L, 6, 4], forecast.Latent.Latents.shape);
        var latents = forecast.Latent.Latents.data<double>().ToArray();
        var truth = forecast.Latent.EncodedTruth.data<double>().ToArray();               // [2, 10, 4]
        for (int ic = 0; ic < 2; ic++)
            for (int m = 0; m < 3; m++)
                for (int h = 0; h < 6; h++)
                    for (int k = 0; k < 4; k++)
                        Assert.Equal(truth[(ic * 10 + 2) * 4 + k], latents[((ic * 3 + m) * 6 + h) * 4 + k], 6);
        var scores = new ForecastScoring(experiment.Forecast, data.Scaler, []).Score(forecast);
        Assert.Equal("wasserstein", scores.Primary);
        foreach (var key in new[] { "wasserstein", "histogram_l1", "wasserstein_x", "histogram_l1_y", "wasserstein_persistence" })
            Assert.True(double.IsFinite(scores.Metrics[key]) && scores.Metrics[key] >= 0, key);
        // The members differ: each draws its own cloud from the decoded mixture.
        Assert.NotEqual(forecast.Predictions[0], forecast.Predictions[6 * 50 * 2]);
    }
}
