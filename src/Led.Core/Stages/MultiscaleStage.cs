using System.Runtime.ExceptionServices;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Forecasting;
using Led.Core.Metrics;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The multiscale stage: Multiscale-LED for every (T_μ, T_m) of <c>forecast.multiscale</c>, plus the solver alone
/// (T_m = 0) as the timing reference, from the same test frames as the forecast; each mode is scored like a forecast
/// (metric components for T_m &gt; 0) and timed. <paramref name="startTime"/> is the physical time of the test
/// trajectories' first frame (the data's transient), which lifts continue from. With <see cref="StageContext.Threads"/>
/// &gt; 1 the initial conditions of a deterministic forecast run on that many threads; the results are the same as on one.
/// </summary>
public sealed class MultiscaleStage(IDynamicalSystem system, ForecastOptions options, StageContext context, double startTime = 0)
{
    public IReadOnlyList<MultiscaleMode> Run(LedModel model, ForecastResult forecast, ForecastScoring withMetrics, ForecastScoring builtIn)
    {
        var m = options.Multiscale;
        var micro = m.MicroSteps.Count > 0 ? m.MicroSteps : [1];
        var modes = micro.SelectMany(mu => m.MacroSteps.Prepend(0).Distinct().Select(tm => (mu, tm))).Distinct().ToList();
        var test = forecast.Test;
        int warmup = forecast.Warmup, horizon = forecast.Horizon;
        using var generator = new Generator((ulong)context.Seed + 1, context.Device.Device);
        bool sampleDecoder = system.Description.Kind != ObservableKind.Field && model.Autoencoder is IProbabilisticDecoder;
        var forecaster = new MultiscaleForecaster(model.Autoencoder, model.Propagator, model.LatentScaler, model.DataScaler, system, generator, sampleDecoder)
        {
            StartTime = startTime,
        };
        var results = new List<(int Micro, int Macro, ForecastScores Scores, double Seconds)>();
        using var task = context.Progress.Start($"multiscale: {modes.Count} modes × {test.Count} initial conditions", modes.Count * test.Count);
        // Initial conditions are independent (each Run compiles its own step and decoder and lifts its own solvers); a
        // sampled forecast shares one generator, whose draws would depend on the threads' interleaving, so it stays sequential.
        bool sampled = sampleDecoder || model.Propagator is IStochasticPropagator;
        int workers = sampled ? 1 : Math.Clamp(context.Threads, 1, Math.Max(1, test.Count));
        int done = 0;
        var gate = new Lock();
        foreach (var (mu, tm) in modes)
        {
            var predictions = new double[forecast.Targets.Length];
            var seconds = new double[test.Count];
            ForEachInitialCondition(test.Count, workers, i =>
            {
                var (p, latent, microSeconds) = forecaster.Run(test, i, warmup, horizon, tm, mu, context.Device, context.Cancel);
                p.CopyTo(predictions.AsSpan(i * horizon * test.FrameSize));
                seconds[i] = latent + microSeconds;
                lock (gate) task.Report(++done, $"T_μ {mu} T_m {tm}");
            });
            double total = 0;
            foreach (double s in seconds) total += s;
            var result = new ForecastResult(forecast.System, test, warmup, horizon, 1, predictions, forecast.Targets, forecast.Persistence, forecast.Latent, total);
            results.Add((mu, tm, (tm > 0 ? withMetrics : builtIn).Score(result), total / (test.Count * horizon)));
        }
        return results.Select(r => new MultiscaleMode(r.Micro, r.Macro, r.Scores, r.Seconds,
            results.First(x => x.Micro == r.Micro && x.Macro == 0).Seconds / r.Seconds)).ToList();
    }

    /// <summary>Runs <paramref name="forecast"/> for 0 … count−1: in order on this thread for one worker, else on up to that many threads (the first failure rethrown as it was).</summary>
    private void ForEachInitialCondition(int count, int workers, Action<int> forecast)
    {
        if (workers == 1)
        {
            for (int i = 0; i < count; i++) forecast(i);
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = context.Cancel }, forecast);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The modes' keys in metrics.json: the primary scores per mode (per channel for a field), the speed-up, and the metric components' keys.</summary>
    public static Dictionary<string, double> Metrics(IReadOnlyList<MultiscaleMode> modes, IReadOnlyList<string> channels, ISet<string> componentKeys)
    {
        var metrics = new Dictionary<string, double>();
        foreach (var mode in modes)
        {
            foreach (var name in PrimaryKeys(mode.Scores, channels))
                metrics[$"{mode.Key}_{name}"] = mode.Scores.Metrics[name];
            if (mode.Macro > 0)
                foreach (var key in componentKeys) metrics[$"{mode.Key}_{key}"] = mode.Scores.Metrics[key];
            metrics[$"{mode.Key}_speedup"] = mode.Speedup;
        }
        return metrics;
    }

    /// <summary>The built-in score columns of a mode: MNAD, per-channel MNAD and correlation for a field; the distribution errors otherwise.</summary>
    public static IReadOnlyList<string> PrimaryKeys(ForecastScores scores, IReadOnlyList<string> channels) =>
        scores.Primary == "mnad"
            ? ["mnad", .. channels.Select(c => $"mnad_{MetricKeys.Snake(c)}"), "correlation"]
            : ["wasserstein", "histogram_l1"];
}
