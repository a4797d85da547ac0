using System.Diagnostics;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Stages;
using Led.Core.Training;
using TorchSharp;

namespace Led.Core.Experiments;

/// <summary>
/// One LED experiment composed from components in code: a system, an autoencoder (or an encoder and a decoder) and a
/// propagator, with plain options. It runs the stages in order — data, autoencoder, propagator (or both end to end),
/// forecast, scores, speed, multiscale, report — and each stage can also be used alone. The <c>led</c> command builds
/// the same object from a config. Disposing it disposes its components (a trained <see cref="LedModel"/> holds the same ones).
/// </summary>
public sealed class LedExperiment : IDisposable
{
    public LedExperiment(IDynamicalSystem system, IAutoencoder autoencoder, ILatentPropagator propagator, StageContext context)
    {
        (System, Autoencoder, Propagator, Context) = (system, autoencoder, propagator, context);
    }

    /// <summary>An experiment whose encoder and decoder are separate components (e.g. a permutation-invariant encoder and a mixture-density decoder).</summary>
    public LedExperiment(IDynamicalSystem system, IEncoder encoder, IDecoder decoder, ILatentPropagator propagator, StageContext context)
        : this(system, encoder is IAutoencoder whole && ReferenceEquals(encoder, decoder) ? whole : EncoderDecoderPair.Create(encoder, decoder), propagator, context)
    {
    }

    public IDynamicalSystem System { get; }

    public IAutoencoder Autoencoder { get; }

    public ILatentPropagator Propagator { get; }

    public StageContext Context { get; }

    /// <summary>The system's name in datasets and logs.</summary>
    public string SystemName { get; init; } = "system";

    public DataOptions Data { get; init; } = new();

    public TrainingOptions Training { get; init; } = new();

    public ForecastOptions Forecast { get; init; } = new();

    public OutputOptions Output { get; init; } = new();

    /// <summary>Extra forecast scores (a scored system's defaults are the host's to add).</summary>
    public IReadOnlyList<IForecastMetric> Metrics { get; init; } = [];

    /// <summary>The first training trajectory's initial state instead of a random one.</summary>
    public double[]? InitialState { get; init; }

    /// <summary>The key of the score the log reports first and Multiscale-LED plots against ρ.</summary>
    public string Headline => System as IScoredSystem is { } scored ? scored.HeadlineMetric
        : System.Description.Kind == ObservableKind.Field ? "mnad" : "wasserstein";

    /// <summary>Samples per test trajectory: <c>data.testSamples</c>, or warm-up + horizon when 0.</summary>
    public int TestLength => Data.TestSamples > 0 ? Data.TestSamples : Forecast.Warmup + Forecast.Horizon;

    public LedDataset Simulate() => new DataStage(System, SystemName, Context).Simulate(Data, TestLength, InitialState);

    /// <summary>Trains the model; with <paramref name="autoencoderOnly"/> it stops after the autoencoder (the model's latent scaler is then null).</summary>
    public TrainingOutcome Train(LedDataset data, bool autoencoderOnly = false)
    {
        var clock = Stopwatch.StartNew();
        using var splits = new ScaledSplits(data, Context.Device);
        using var weights = ReconstructionWeights.For(Training, data, Context.Device);
        if (weights is not null && Training.ReconstructionWeights is { } w)
            Context.Log.Information("training: reconstruction loss weighted by the field {Field}: {Near} of {Points} grid points within {Radius} cells of it weigh {High:G4}, the others {Low:G4}",
                w.Field, (weights > weights.min()).sum().ToInt64(), weights.numel(), w.Radius, weights.max().ToDouble(), weights.min().ToDouble());
        Dictionary<string, double> metrics;
        var histories = new List<TrainingHistory>();
        LatentScaler? latentScaler = null;
        if (Training.Mode == TrainingMode.EndToEnd)
        {
            var (stageHistories, scores) = new EndToEndStage(Training, Context).Train(Autoencoder, Propagator, splits, weights);
            metrics = scores;
            histories.AddRange(stageHistories);
        }
        else
        {
            var (history, scores) = new AutoencoderStage(Training, Context).Train(Autoencoder, splits, data.Scaler, weights);
            metrics = scores;
            histories.Add(history);
            if (!autoencoderOnly)
            {
                var (scaler, propagatorHistory) = new PropagatorStage(Training, Context).Train(Autoencoder, Propagator, splits);
                latentScaler = scaler;
                histories.Add(propagatorHistory);
            }
        }
        var last = histories[^1];
        if (!autoencoderOnly && last.Epochs.Count > 0) metrics["propagator_validation_loss"] = last.Epochs.Min(r => r.ValidationLoss);
        metrics["training_seconds"] = clock.Elapsed.TotalSeconds;
        return new TrainingOutcome(new LedModel(Autoencoder, Propagator, data.Scaler, latentScaler), metrics, histories);
    }

    /// <summary>Forecasts, scores, times and (when configured) runs Multiscale-LED; writes the report into <paramref name="directory"/>.</summary>
    public Dictionary<string, double> Evaluate(LedDataset data, LedModel model, string directory)
    {
        var forecastStage = new ForecastStage(Forecast, Context);
        using var forecast = forecastStage.Run(data, model);
        var scoring = new ForecastScoring(Forecast, model.DataScaler, Metrics);
        var scores = scoring.Score(forecast);
        var metrics = new Dictionary<string, double>(scores.Metrics) { ["forecast_seconds"] = forecast.Seconds };
        if (System.Description.Kind != ObservableKind.PointSet)
        {
            metrics["reconstruction_mse"] = forecastStage.ReconstructionMse(model, forecast.Test);
            if (Metrics.Count > 0)
            {
                var targets = new TrajectorySet(forecast.InitialConditions, forecast.Horizon, forecast.Test.FrameShape, forecast.Targets);
                foreach (var (key, value) in scoring.ReconstructionScores(forecast, forecastStage.Reconstruct(model, targets))) metrics.TryAdd(key, value);
            }
        }
        foreach (var (key, value) in new SpeedStage(System, Context, Forecast.DecodeEvery).Measure(model, forecast)) metrics[key] = value;
        string headline = metrics.ContainsKey(Headline) ? Headline : scores.Primary;
        Context.Log.Information("forecast: {Ics} initial conditions × {Horizon} steps{Ensemble}: {Headline} {Value:G4} (persistence {Persistence}), " +
                                "speed-up {Speedup} (with decoder {Decoded}{EveryK})",
            forecast.InitialConditions, forecast.Horizon, forecast.Members > 1 ? $" × {forecast.Members} members" : "", headline, metrics[headline],
            metrics.TryGetValue($"{headline}_persistence", out var p) ? p.ToString("G4") : "n/a",
            SpeedStage.Format(metrics["speedup_latent"]), SpeedStage.Format(metrics["speedup_latent_decoded"]),
            metrics.TryGetValue("speedup_latent_decoded_every_k", out var everyK) ? $", decoding every {Forecast.DecodeEvery}-th step {SpeedStage.Format(everyK)}" : "");
        if (metrics.TryGetValue("valid_time", out var valid))
            Context.Log.Information("forecast: valid for {Valid:G3} time units{Lyapunov} (persistence {Persistence:G3}): NRMSE/σ first above {Threshold}",
                valid, metrics.TryGetValue("valid_lyapunov_times", out var lyapunov) ? $", {lyapunov:G3} Lyapunov times" : "", metrics["valid_time_persistence"],
                Forecast.ValidTimeThreshold);
        if (forecast.DecodeEvery > 1)
            Context.Log.Information("forecast: states decoded at every k-th step only (forecast.decodeEvery k = {Every}): the errors and forecast.h5 cover those {Steps} steps only, " +
                                    "the latent trajectory every step; the forecast plots, which need every step, are not drawn",
                forecast.DecodeEvery, forecast.Horizon / forecast.DecodeEvery);
        var report = new ReportStage(directory, Output);
        if (Forecast.Multiscale.MacroSteps.Count > 0)
        {
            var builtIn = new ForecastScoring(Forecast, model.DataScaler, []);
            var modes = new MultiscaleStage(System, Forecast, Context, Data.Transient).Run(model, forecast, scoring, builtIn);
            foreach (var (key, value) in MultiscaleStage.Metrics(modes, System.Description.Channels, scores.ComponentKeys.ToHashSet())) metrics[key] = value;
            report.Multiscale(modes, System.Description.Channels, System.Description.CoarseTimeStep, forecast.Horizon, headline,
                (metrics[headline], metrics.GetValueOrDefault($"{headline}_persistence", double.NaN), metrics["speedup_latent_decoded"]));
        }
        report.Forecast(forecast, scores, Forecast.LyapunovTime);
        return metrics;
    }

    public void Dispose()
    {
        (Autoencoder as IDisposable)?.Dispose();
        (Propagator as IDisposable)?.Dispose();
    }

    /// <summary>Every stage: simulate, train (the model is saved to <c>directory/model</c>), evaluate.</summary>
    public Dictionary<string, double> Run(string directory)
    {
        var data = Simulate();
        var trained = Train(data);
        trained.Model.Save(Path.Combine(directory, "model"));
        new ReportStage(directory, Output).Histories(trained.Histories);
        foreach (var (key, value) in Evaluate(data, trained.Model, directory)) trained.Metrics[key] = value;
        return trained.Metrics;
    }
}
