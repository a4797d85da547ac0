using Led.Abstractions.Learning;
using Led.Autoencoders.Pca;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Experiments;
using Led.Core.Stages;
using Led.Core.Training;
using Led.Propagators.Lstm;
using Led.Systems.KuramotoSivashinsky;

namespace Led.Core.Tests.Stages;

public class MultiscaleStageTests
{
    /// <summary>
    /// The initial conditions forecast on two threads (compiled LSTM step and PCA decoder per initial condition, KS solver
    /// lifts) give exactly the scores of the sequential run, for Latent-LED, Multiscale-LED and the solver alone.
    /// </summary>
    [Fact]
    public void ForecastingTheInitialConditionsOnTwoThreadsGivesTheSequentialScoresExactly()
    {
        var device = DeviceContext.Create("cpu", Precision.Float64, threads: 1, seed: 3);
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 0.0025 });
        var autoencoder = new PcaAutoencoder(new PcaOptions { LatentDim = 8 }, system.Description, device);
        using var propagator = new LstmPropagator(new LstmOptions { Hidden = 24 }, new LatentSpace(8), device);
        var forecastOptions = new ForecastOptions
        {
            Warmup = 6, Horizon = 12,
            Multiscale = new MultiscaleOptions { MicroSteps = [3], MacroSteps = [4, 1000] },
        };
        using var experiment = new LedExperiment(system, autoencoder, propagator, new StageContext(device, Seed: 3))
        {
            Data = new DataOptions { Transient = 10, TrainSamples = 60, ValidationSamples = 30, TestInitialConditions = 5 },
            Forecast = forecastOptions,
        };
        var data = experiment.Simulate();
        experiment.Train(data, autoencoderOnly: true);
        var model = new LedModel(autoencoder, propagator, data.Scaler, null);
        using var forecast = new ForecastStage(forecastOptions, experiment.Context).Run(data, model);
        var scoring = new ForecastScoring(forecastOptions, data.Scaler, []);

        IReadOnlyList<MultiscaleMode> Modes(int threads) =>
            new MultiscaleStage(system, forecastOptions, experiment.Context with { Threads = threads }).Run(model, forecast, scoring, scoring);
        var sequential = Modes(1);
        var parallel = Modes(2);

        Assert.Equal(3, sequential.Count);
        Assert.Equal(sequential.Select(m => (m.Micro, m.Macro)), parallel.Select(m => (m.Micro, m.Macro)));
        for (int i = 0; i < sequential.Count; i++)
        {
            Assert.True(double.IsFinite(sequential[i].Scores.Metrics["mnad"]) && sequential[i].Scores.Metrics["mnad"] > 0);
            Assert.Equal(sequential[i].Scores.Metrics, parallel[i].Scores.Metrics);
        }
    }
}
