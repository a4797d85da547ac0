using System.Text.RegularExpressions;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Metrics;

namespace Led.Core.Stages;

/// <summary>
/// Scores a forecast by the kind of its observable, against the truth and against persistence. A field: MSE, MNAD,
/// NRMSE and correlation of the (ensemble-mean) prediction per initial condition and time, MNAD per channel and at the
/// report horizons, and the state distribution per channel. A point set or a coordinate vector: the ensemble's
/// distribution errors (<see cref="EnsembleDistributionErrors"/>). Then the metric components (the system's defaults
/// and the config's), which see the ensemble mean of a field and the first member otherwise. A forecast decoded every
/// k-th step is scored on its decoded steps only (<c>scored_steps</c> of them, <c>decode_every</c> k; the metric components see a time step of k coarse steps), and a report
/// horizon h on the decoded steps up to h.
/// </summary>
public sealed partial class ForecastScoring(ForecastOptions options, MinMaxScaler scaler, IReadOnlyList<IForecastMetric> metrics)
{
    public ForecastScores Score(ForecastResult full)
    {
        var forecast = full.OnDecodedSteps();
        var d = forecast.System;
        int ics = forecast.InitialConditions, horizon = forecast.Horizon, every = full.DecodeEvery;
        var result = new Dictionary<string, double> { ["initial_conditions"] = ics, ["warmup"] = forecast.Warmup, ["horizon"] = full.Horizon };
        if (every > 1) (result["decode_every"], result["scored_steps"]) = (every, horizon);
        IReadOnlyList<ErrorSeries> series, baseline;
        string primary;
        double[] seen;
        if (d.Kind == ObservableKind.Field)
        {
            seen = forecast.MemberMean();
            var range = scaler.Max.Zip(scaler.Min, (a, b) => a - b).ToArray();
            var (validSeries, valid) = ValidPredictionTime.Compute(seen, forecast.Targets, ics, horizon, options.ValidTimeThreshold);
            var (persistenceSeries, persistenceValid) = ValidPredictionTime.Compute(forecast.Persistence, forecast.Targets, ics, horizon, options.ValidTimeThreshold);
            series = [.. ForecastErrors.Compute(seen, forecast.Targets, ics, horizon, d.Channels, range).Series, validSeries];
            baseline = [.. ForecastErrors.Compute(forecast.Persistence, forecast.Targets, ics, horizon, d.Channels, range).Series, persistenceSeries];
            primary = "mnad";
            FieldScores(d, seen, forecast.Targets, ics, every, Find(series), Find(baseline), result);
            ValidTimes(d.CoarseTimeStep * every, valid, persistenceValid, result);
        }
        else
        {
            seen = FirstMembers(forecast);
            series = EnsembleDistributionErrors.Compute(d.Observable, forecast.Predictions, forecast.Targets, ics, forecast.Members, horizon);
            baseline = EnsembleDistributionErrors.Compute(d.Observable, forecast.Persistence, forecast.Targets, ics, 1, horizon);
            primary = "wasserstein";
            foreach (var s in series) result[s.Name] = s.Mean();
            result["wasserstein_persistence"] = Find(baseline)("wasserstein").Mean();
            result["histogram_l1_persistence"] = Find(baseline)("histogram_l1").Mean();
            result["ensemble"] = forecast.Members;
        }
        var figures = new List<MetricFigure>();
        var componentKeys = new List<string>();
        // A forecast decoded every k-th step hands the metric components frames k coarse steps apart (e.g. for a frequency).
        var spacing = every > 1 ? new SystemDescription(d.Observable, d.CoarseTimeStep * every) : d;
        foreach (var metric in metrics)
        {
            foreach (var (key, value) in metric.Evaluate(spacing, seen, forecast.Targets, ics))
            {
                if (!SnakeCase().IsMatch(key) || !result.TryAdd(key, value))
                    throw new InvalidOperationException($"metric {metric.GetType().Name} returned the key '{key}', which is not snake_case or is taken: rename it in the plugin");
                componentKeys.Add(key);
            }
            if (metric is IMetricFigures drawn) figures.AddRange(drawn.Figures);
        }
        return new ForecastScores(result, series, baseline, primary, figures) { ComponentKeys = componentKeys };
    }

    /// <summary>
    /// The metric components on the autoencoder's reconstruction D(E(x)) of the forecast's targets instead of the
    /// forecast, keys prefixed <c>reconstruction_</c>: what each would score with a perfect propagator, which tells the
    /// autoencoder's share of a forecast's error (e.g. a lift the decoder cannot represent) from the propagator's.
    /// </summary>
    /// <param name="reconstructed">D(E(targets)) in physical units, laid out as <see cref="ForecastResult.Targets"/>.</param>
    public Dictionary<string, double> ReconstructionScores(ForecastResult forecast, double[] reconstructed)
    {
        var result = new Dictionary<string, double>();
        foreach (var metric in metrics)
            foreach (var (key, value) in metric.Evaluate(forecast.System, reconstructed, forecast.Targets, forecast.InitialConditions))
                result[$"reconstruction_{key}"] = value;
        return result;
    }

    private void FieldScores(SystemDescription d, double[] predictions, double[] targets, int ics, int every, Func<string, ErrorSeries> errors,
        Func<string, ErrorSeries> persistence, Dictionary<string, double> result)
    {
        int shortSteps = Math.Max(1, errors("mnad").Steps / 10);
        result["mse"] = errors("mse").Mean();
        result["mnad"] = errors("mnad").Mean();
        result["nrmse"] = errors("nrmse").Mean();
        result["correlation"] = errors("correlation").Mean();
        result["mnad_short"] = errors("mnad").Mean(shortSteps);
        result["mnad_persistence"] = persistence("mnad").Mean();
        result["mnad_persistence_short"] = persistence("mnad").Mean(shortSteps);
        result["short_horizon_steps"] = shortSteps;
        foreach (var c in d.Channels)
        {
            result[$"mnad_{MetricKeys.Snake(c)}"] = errors($"mnad_{c}").Mean();
            result[$"mnad_{MetricKeys.Snake(c)}_persistence"] = persistence($"mnad_{c}").Mean();
        }
        foreach (int h in options.ReportHorizons)
        {
            int steps = h / every;                                   // the decoded steps up to h
            result[$"mnad_h{h}"] = errors("mnad").Mean(steps);
            result[$"mnad_persistence_h{h}"] = persistence("mnad").Mean(steps);
            foreach (var c in d.Channels)
            {
                result[$"mnad_{MetricKeys.Snake(c)}_h{h}"] = errors($"mnad_{c}").Mean(steps);
                result[$"mnad_{MetricKeys.Snake(c)}_ic0_h{h}"] = errors($"mnad_{c}").MeanOf(0, steps);
            }
        }
        int frame = d.Size, perChannel = frame / d.Channels.Count;
        for (int c = 0; c < d.Channels.Count; c++)
        {
            var (l1, w1) = DistributionErrors.StateDistribution(Channel(predictions, frame, c, perChannel), Channel(targets, frame, c, perChannel), ics);
            result[$"state_distribution_l1_{MetricKeys.Snake(d.Channels[c])}"] = l1;
            result[$"wasserstein_{MetricKeys.Snake(d.Channels[c])}"] = w1;
        }
    }

    /// <summary>
    /// <c>valid_time</c> and <c>valid_time_persistence</c> (mean over initial conditions, system time units; a forecast
    /// decoded every k-th step counts k steps per decoded one), and the same in Lyapunov times when the config sets one.
    /// </summary>
    private void ValidTimes(double dt, int[] valid, int[] persistence, Dictionary<string, double> result)
    {
        result["valid_time"] = valid.Average() * dt;
        result["valid_time_persistence"] = persistence.Average() * dt;
        if (options.LyapunovTime <= 0) return;
        result["valid_lyapunov_times"] = result["valid_time"] / options.LyapunovTime;
        result["valid_lyapunov_times_persistence"] = result["valid_time_persistence"] / options.LyapunovTime;
    }

    private static Func<string, ErrorSeries> Find(IReadOnlyList<ErrorSeries> series) => name => series.First(s => s.Name == name);

    /// <summary>One channel's values of every frame, <c>[frames, points]</c> flattened.</summary>
    private static double[] Channel(double[] frames, int frameSize, int channel, int perChannel)
    {
        var result = new double[frames.Length / frameSize * perChannel];
        for (int f = 0; f < frames.Length / frameSize; f++)
            frames.AsSpan(f * frameSize + channel * perChannel, perChannel).CopyTo(result.AsSpan(f * perChannel, perChannel));
        return result;
    }

    private static double[] FirstMembers(ForecastResult forecast)
    {
        int block = forecast.Horizon * forecast.Test.FrameSize;
        var first = new double[forecast.Targets.Length];
        for (int i = 0; i < forecast.InitialConditions; i++)
            forecast.Predictions.AsSpan(i * forecast.Members * block, block).CopyTo(first.AsSpan(i * block, block));
        return first;
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex SnakeCase();
}
