using Led.Core.Configuration;
using Led.Core.Forecasting;
using Led.Core.Metrics;
using Led.Core.Reports;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The report stage: what a run writes besides metrics.json — training histories (CSV and plots), the forecast file,
/// each initial condition's errors (<c>forecast_per_ic.csv</c>), the forecast's plots and its metrics' figures, and the
/// Multiscale-LED table and plots.
/// </summary>
public sealed class ReportStage(string directory, OutputOptions output)
{
    public void Histories(IEnumerable<TrainingHistory> histories)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, history) in histories)
        {
            if (history.Count == 0) continue;
            File.WriteAllLines(Path.Combine(directory, $"training_{name}.csv"),
                ["epoch,round,learning_rate,train_loss,validation_loss,seconds", .. history.Select(r =>
                    FormattableString.Invariant($"{r.Epoch},{r.Round},{r.LearningRate:R},{r.TrainLoss:R},{r.ValidationLoss:R},{r.Seconds:F3}"))]);
            if (!output.Plots) continue;
            var epochs = history.Select(r => (double)r.Epoch).ToArray();
            bool positive = history.All(r => r.TrainLoss > 0 && r.ValidationLoss > 0);
            Plots.Lines(Path.Combine(directory, $"training_{name}"), $"{name} training", "epoch", "loss",
                [("train", epochs, history.Select(r => r.TrainLoss).ToArray()), ("validation", epochs, history.Select(r => r.ValidationLoss).ToArray())], logY: positive);
        }
    }

    /// <summary>
    /// The forecast file, per-initial-condition errors and plots. A forecast decoded every k-th step writes its decoded
    /// steps (file attribute <c>decode_every</c>) and draws no forecast plots (they need every step).
    /// </summary>
    /// <param name="lyapunovTime">The system's Lyapunov time (0: unknown): the valid-time plot's axis is then in Lyapunov times.</param>
    public void Forecast(ForecastResult full, ForecastScores scores, double lyapunovTime = 0)
    {
        Directory.CreateDirectory(directory);
        PerInitialCondition(scores.Series);
        var forecast = full.OnDecodedSteps();
        var frameShape = forecast.Test.FrameShape.Select(d => (long)d).ToArray();
        long[] shape = [forecast.InitialConditions, forecast.Horizon, .. frameShape];
        long[] predictionShape = forecast.Members == 1 ? shape : [forecast.InitialConditions, forecast.Members, forecast.Horizon, .. frameShape];
        if (output.Predictions)
            ForecastFile.Write(Path.Combine(directory, "forecast.h5"), forecast.Predictions, predictionShape, forecast.Targets, shape,
                ToArray(forecast.Latent.Latents), forecast.Latent.Latents.shape, ToArray(forecast.Latent.EncodedTruth), forecast.Latent.EncodedTruth.shape,
                scores.Series, forecast.System.CoarseTimeStep, forecast.Warmup, forecast.Members, full.DecodeEvery);
        if (full.DecodeEvery > 1 || !output.Plots) return;
        ForecastPlots.Write(directory, forecast.System, scores, forecast.MemberMean(), forecast.Targets, forecast.Latent, forecast.Warmup, lyapunovTime);
        if (forecast.System.Kind != Abstractions.Observables.ObservableKind.Field)
        {
            MarginalPlots.Write(directory, forecast.System.Observable, forecast.Predictions, forecast.Targets, forecast.InitialConditions,
                forecast.Members, forecast.Horizon, forecast.Horizon, forecast.System.CoarseTimeStep);
            MarginalPlots.WriteAgainstTime(directory, forecast.System.Observable, forecast.Predictions, forecast.Targets, forecast.InitialConditions,
                forecast.Members, forecast.Horizon, (forecast.Warmup - 1) * forecast.System.CoarseTimeStep, forecast.System.CoarseTimeStep);
        }
        if (forecast.System.Observable is Abstractions.Observables.PointSetObservable points)
            MarginalPlots.WriteSnapshots(directory, points, forecast.Predictions, forecast.Targets, forecast.Members, forecast.Horizon,
                [1, (forecast.Horizon + 1) / 2, forecast.Horizon], forecast.System.CoarseTimeStep);
        foreach (var figure in scores.Figures)
            Plots.Density(Path.Combine(directory, figure.Name), figure.Title, figure.Values, figure.X, figure.Y, figure.XLabel, figure.YLabel);
    }

    /// <summary>
    /// <c>forecast_per_ic.csv</c>: one row per initial condition, its mean over the horizon of every error series (e.g.
    /// <c>mnad</c>, <c>mnad_v</c>), the distribution a study's box plots show.
    /// </summary>
    private void PerInitialCondition(IReadOnlyList<ErrorSeries> series)
    {
        if (series.Count == 0) return;
        var table = new List<string> { "ic," + string.Join(',', series.Select(s => MetricKeys.Snake(s.Name))) };
        for (int ic = 0; ic < series[0].InitialConditions; ic++)
            table.Add(ic + string.Concat(series.Select(s => FormattableString.Invariant($",{s.MeanOf(ic, s.Steps):R}"))));
        File.WriteAllLines(Path.Combine(directory, PerInitialConditionFile), table);
    }

    /// <summary>The file of each initial condition's errors in a run folder.</summary>
    public const string PerInitialConditionFile = "forecast_per_ic.csv";

    /// <summary>
    /// <c>multiscale.csv</c> (one row per mode) and, with plots on, the headline score and the speed-up against ρ with
    /// Latent-LED's (<paramref name="latent"/>) and persistence's values as references.
    /// </summary>
    public void Multiscale(IReadOnlyList<MultiscaleMode> modes, IReadOnlyList<string> channels, double dt, int horizon, string headline,
        (double Score, double Persistence, double Speedup) latent)
    {
        Directory.CreateDirectory(directory);
        var columns = MultiscaleStage.PrimaryKeys(modes[0].Scores, channels);
        var table = new List<string> { "micro_steps,macro_steps,rho," + string.Concat(columns.Select(c => c + ",")) + "seconds_per_step,speedup" };
        foreach (var mode in modes)
            table.Add(FormattableString.Invariant($"{mode.Micro},{mode.Macro},{mode.Rho:G6},") +
                      string.Concat(columns.Select(c => FormattableString.Invariant($"{mode.Scores.Metrics[c]:R},"))) +
                      FormattableString.Invariant($"{mode.SecondsPerStep:R},{mode.Speedup:R}"));
        File.WriteAllLines(Path.Combine(directory, "multiscale.csv"), table);
        if (!output.Plots) return;
        string key = modes[0].Scores.Metrics.ContainsKey(headline) ? headline : modes[0].Scores.Primary;
        ForecastPlots.Multiscale(directory, dt, horizon,
            modes.Select(m => (m.Micro, m.Macro, m.Scores.Metrics.GetValueOrDefault(key, double.NaN), m.Scores.Metrics.GetValueOrDefault("correlation", double.NaN),
                m.Speedup, m.Scores[m.Scores.Primary])).ToList(), latent.Score, latent.Persistence, latent.Speedup, key, modes[0].Scores.Primary);
    }

    private static double[] ToArray(Tensor t)
    {
        using var cpu = t.detach().to(ScalarType.Float64).cpu().contiguous();
        return cpu.data<double>().ToArray();
    }
}
