using Led.Abstractions.Systems;
using Led.Core.Forecasting;
using Led.Core.Metrics;
using Led.Core.Stages;
using static TorchSharp.torch;

namespace Led.Core.Reports;

/// <summary>The forecast figures: errors against time (mean with min–max band over initial conditions, LED vs persistence),
/// space–time truth / prediction / error of the first initial condition (1-D systems) and its latent trajectory.</summary>
public static class ForecastPlots
{
    /// <summary>
    /// Multiscale-LED against ρ = T_m/T_μ on a log axis (one line per T_μ, each mode marked; the pure solver T_m = 0 is
    /// left out of the ρ plots), with Latent-LED (<paramref name="latentMnad"/>, <paramref name="latentSpeedup"/>) and
    /// persistence (<paramref name="persistenceMnad"/>) as horizontal references; and the primary error against time for
    /// every mode, showing the error drop at each micro phase. <paramref name="score"/> names the score of the ρ plot (the
    /// system's headline, e.g. <c>mnad_inhibitor</c>), <paramref name="series"/> the error against time.
    /// </summary>
    public static void Multiscale(string directory, double dt, int horizon,
        IReadOnlyList<(int Micro, int Macro, double Mnad, double Correlation, double Speedup, ErrorSeries Series)> rows,
        double latentMnad, double persistenceMnad, double latentSpeedup, string score = "MNAD", string series = "MNAD")
    {
        var byMicro = rows.Where(r => r.Macro > 0).GroupBy(r => r.Micro).ToList();
        double[] Rho(IEnumerable<(int Micro, int Macro, double, double, double, ErrorSeries)> g) => g.Select(r => (double)r.Macro / r.Micro).ToArray();
        Plots.Measured(Path.Combine(directory, "multiscale_mnad_vs_rho"), $"Multiscale-LED: {score} against ρ = T_m/T_μ", "ρ", score,
            byMicro.Select(g => ($"T_μ = {g.Key}", Rho(g), g.Select(r => r.Mnad).ToArray())),
            new[] { ("Latent-LED", latentMnad), ("persistence", persistenceMnad) }.Where(r => double.IsFinite(r.Item2)).ToArray(), logX: true, logY: true);
        if (rows.Any(r => double.IsFinite(r.Correlation)))
            Plots.Measured(Path.Combine(directory, "multiscale_correlation_vs_rho"), "Multiscale-LED: correlation against ρ", "ρ", "correlation",
                byMicro.Select(g => ($"T_μ = {g.Key}", Rho(g), g.Select(r => r.Correlation).ToArray())), [], logX: true, logY: false);
        Plots.Measured(Path.Combine(directory, "multiscale_speedup_vs_rho"), "Multiscale-LED: speed-up over the solver against ρ", "ρ", "speed-up",
            byMicro.Select(g => ($"T_μ = {g.Key}", Rho(g), g.Select(r => r.Speedup).ToArray())),
            new[] { ("Latent-LED", latentSpeedup) }.Where(r => double.IsFinite(r.Item2)).ToArray(), logX: true, logY: true);
        var time = Enumerable.Range(1, horizon).Select(i => i * dt).ToArray();
        Plots.Lines(Path.Combine(directory, "multiscale_mnad_vs_time"), $"Multiscale-LED: {series} against time (mean over initial conditions)", "lead time", series,
            rows.Where(r => r.Macro > 0).Select(r => ($"T_μ {r.Micro}, T_m {r.Macro}", time, r.Series.OverTime().Mean)), logY: true);
    }

    /// <param name="predictions">The predictions the field plots show, <c>[ic, t, …]</c> (an ensemble's mean or first member).</param>
    public static void Write(string directory, SystemDescription system, ForecastScores scores,
        double[] predictions, double[] targets, LatentForecast forecast, int warmup, double lyapunovTime = 0)
    {
        double dt = system.CoarseTimeStep;
        var primary = scores[scores.Primary];
        int horizon = primary.Steps;
        var time = Enumerable.Range(1, horizon).Select(i => i * dt).ToArray();
        var (m, lo, hi) = primary.OverTime();
        var (pm, plo, phi) = scores.BaselineOf(scores.Primary).OverTime();
        string label = scores.Primary == "mnad" ? "MNAD" : "Wasserstein-1";
        Plots.Band(Path.Combine(directory, $"{scores.Primary}_vs_time"), $"{label} over the forecast horizon", "lead time", label,
            time, [("Latent-LED", m, lo, hi), ("persistence", pm, plo, phi)], logY: true);
        if (scores.Series.Any(s => s.Name == "correlation"))
        {
            var (c, clo, chi) = scores["correlation"].OverTime();
            Plots.Band(Path.Combine(directory, "correlation_vs_time"), "correlation with the truth", "lead time", "correlation", time, [("Latent-LED", c, clo, chi)]);
        }
        if (scores.Series.Any(s => s.Name == "nrmse_std"))
        {
            var (c, clo, chi) = scores["nrmse_std"].OverTime();
            var (b, blo, bhi) = scores.BaselineOf("nrmse_std").OverTime();
            var axis = lyapunovTime > 0 ? time.Select(t => t / lyapunovTime).ToArray() : time;
            Plots.Band(Path.Combine(directory, "nrmse_std_vs_time"), "NRMSE (attractor σ): the forecast is valid while it stays under the threshold",
                lyapunovTime > 0 ? "lead time (Lyapunov times)" : "lead time", "NRMSE / σ", axis, [("Latent-LED", c, clo, chi), ("persistence", b, blo, bhi)], logY: true);
        }
        if (scores.Series.Any(s => s.Name == "histogram_l1"))
        {
            var (c, clo, chi) = scores["histogram_l1"].OverTime();
            var (b, blo, bhi) = scores.BaselineOf("histogram_l1").OverTime();
            Plots.Band(Path.Combine(directory, "histogram_l1_vs_time"), "L1 histogram error over the forecast horizon", "lead time", "L1 histogram error",
                time, [("Latent-LED", c, clo, chi), ("persistence", b, blo, bhi)]);
        }

        if (system.Grid.Count == 1)
        {
            int points = system.Grid[0], frame = system.Size;
            for (int ch = 0; ch < system.Channels.Count; ch++)
            {
                var truth = new double[horizon, points];
                var predicted = new double[horizon, points];
                var error = new double[horizon, points];
                double vmin = double.PositiveInfinity, vmax = double.NegativeInfinity;
                for (int t = 0; t < horizon; t++)
                    for (int x = 0; x < points; x++)
                    {
                        int k = t * frame + ch * points + x;
                        (truth[t, x], predicted[t, x], error[t, x]) = (targets[k], predictions[k], Math.Abs(targets[k] - predictions[k]));
                        vmin = Math.Min(vmin, targets[k]);
                        vmax = Math.Max(vmax, targets[k]);
                    }
                string name = system.Channels[ch];
                Plots.SpaceTime(Path.Combine(directory, $"ic0_{name}_truth"), $"{name}: truth (IC 0)", truth, warmup * dt, dt, system.Extent[0], vmin, vmax);
                Plots.SpaceTime(Path.Combine(directory, $"ic0_{name}_prediction"), $"{name}: Latent-LED (IC 0)", predicted, warmup * dt, dt, system.Extent[0], vmin, vmax);
                Plots.SpaceTime(Path.Combine(directory, $"ic0_{name}_error"), $"{name}: |error| (IC 0)", error, warmup * dt, dt, system.Extent[0]);
            }
        }

        if (system.Grid.Count == 2)
        {
            // Fig. 4: each channel of IC 0 at lead time 4 (or the horizon's end): truth, prediction, |error| on one colour scale.
            int lead = Math.Clamp((int)Math.Round(4 / dt), 1, horizon);
            int ny = system.Grid[0], nx = system.Grid[1], frame = system.Size, points = ny * nx;
            for (int ch = 0; ch < system.Channels.Count; ch++)
            {
                int offset = (lead - 1) * frame + ch * points;
                var (truth, predicted, error) = (new double[ny, nx], new double[ny, nx], new double[ny, nx]);
                for (int j = 0; j < ny; j++)
                    for (int i = 0; i < nx; i++)
                    {
                        int k = offset + j * nx + i;
                        (truth[j, i], predicted[j, i], error[j, i]) = (targets[k], predictions[k], Math.Abs(targets[k] - predictions[k]));
                    }
                double low = double.PositiveInfinity, high = double.NegativeInfinity;
                foreach (double value in targets.AsSpan(offset, points)) (low, high) = (Math.Min(low, value), Math.Max(high, value));
                string name = system.Channels[ch], when = $"lead time {lead * dt:G4} (IC 0)";
                double width = system.Extent[1], height = system.Extent[0];
                Plots.Field(Path.Combine(directory, $"ic0_{name}_field_truth"), $"{name}: truth, {when}", truth, width, height, low, high);
                Plots.Field(Path.Combine(directory, $"ic0_{name}_field_prediction"), $"{name}: Latent-LED, {when}", predicted, width, height, low, high);
                Plots.Field(Path.Combine(directory, $"ic0_{name}_field_error"), $"{name}: |error|, {when}", error, width, height);
            }
        }

        using var scope = NewDisposeScope();
        var latents = forecast.Latents[0].cpu().to(ScalarType.Float64);
        var truthLatents = forecast.EncodedTruth[0].cpu().to(ScalarType.Float64);
        int dims = (int)Math.Min(4, latents.shape[1]);
        var latentTime = Enumerable.Range(0, (int)truthLatents.shape[0]).Select(i => i * dt).ToArray();
        var series = new List<(string, double[], double[])>();
        for (int d = 0; d < dims; d++)
        {
            series.Add(($"z{d + 1} encoded truth", latentTime, truthLatents[.., d].data<double>().ToArray()));
            series.Add(($"z{d + 1} Latent-LED", time.Select(t => t + (warmup - 1) * dt).ToArray(), latents[.., d].data<double>().ToArray()));
        }
        Plots.Lines(Path.Combine(directory, "latent_ic0"), "latent trajectory (IC 0)", "t", "z", series);

        if (latents.shape[1] >= 2)
        {
            var cloud = forecast.EncodedTruth.cpu().to(ScalarType.Float64).reshape(-1, latents.shape[1]);
            Plots.Phase(Path.Combine(directory, "latent_attractor"), "Latent-LED on the encoded attractor", "z1", "z2",
                (cloud[.., 0].data<double>().ToArray(), cloud[.., 1].data<double>().ToArray()), "encoded test data",
                [("Latent-LED (IC 0)", latents[.., 0].data<double>().ToArray(), latents[.., 1].data<double>().ToArray())]);
        }
    }
}
