using Led.Abstractions.Observables;

namespace Led.Core.Reports;

/// <summary>
/// For point sets and coordinate vectors: the marginal density of each quantity (a point set's dimension, a vector's
/// coordinate) at one lead time, truth pooled over initial conditions against the forecast pooled over initial
/// conditions and ensemble members, on common Rice-rule bins (<c>marginal_&lt;name&gt;.png</c>); the same densities
/// against time as heat maps, truth and forecast on one colour scale (<c>marginal_&lt;name&gt;_vs_time_truth.png</c>,
/// <c>…_forecast.png</c>); and for point sets snapshots of initial condition 0's cloud in the plane of the first two
/// dimensions, truth against ensemble member 0 (<c>cloud_t&lt;lead&gt;.png</c>).
/// </summary>
public static class MarginalPlots
{
    /// <param name="predictions"><c>[ic, member, t, …]</c> flattened.</param>
    /// <param name="targets"><c>[ic, t, …]</c> flattened.</param>
    /// <param name="lead">The lead time step (1 … horizon) to show.</param>
    public static void Write(string directory, Observable observable, double[] predictions, double[] targets, int initialConditions, int members,
        int horizon, int lead, double dt)
    {
        int frame = observable.Size, t = lead - 1;
        for (int c = 0; c < observable.Names.Count; c++)
        {
            var indices = Enumerable.Range(0, frame).Where(i => observable.NameOf(i) == c).ToArray();
            var truth = new List<double>();
            var predicted = new List<double>();
            for (int ic = 0; ic < initialConditions; ic++)
            {
                truth.AddRange(indices.Select(i => targets[(ic * horizon + t) * frame + i]));
                for (int m = 0; m < members; m++)
                    predicted.AddRange(indices.Select(i => predictions[((ic * members + m) * horizon + t) * frame + i]));
            }
            double lo = Math.Min(truth.Min(), predicted.Min()), hi = Math.Max(truth.Max(), predicted.Max());
            if (!(hi > lo)) continue;
            int bins = Math.Max(2, (int)Math.Ceiling(2 * Math.Cbrt(truth.Count)));
            var centres = Enumerable.Range(0, bins).Select(k => lo + (k + 0.5) * (hi - lo) / bins).ToArray();
            string name = observable.Names[c];
            Plots.Lines(Path.Combine(directory, $"marginal_{name}"), $"{name}: distribution at lead time {lead * dt:G4} (all initial conditions)",
                name, "density", [("truth", centres, Density(truth, lo, hi, bins)), ("Latent-LED ensemble", centres, Density(predicted, lo, hi, bins))]);
        }
    }

    /// <summary>The marginal densities at every lead time as heat maps (time × value), truth and forecast on one scale.</summary>
    public static void WriteAgainstTime(string directory, Observable observable, double[] predictions, double[] targets, int initialConditions,
        int members, int horizon, double t0, double dt)
    {
        int frame = observable.Size;
        for (int c = 0; c < observable.Names.Count; c++)
        {
            var indices = Enumerable.Range(0, frame).Where(i => observable.NameOf(i) == c).ToArray();
            var truth = new List<double>[horizon];
            var predicted = new List<double>[horizon];
            for (int t = 0; t < horizon; t++)
            {
                (truth[t], predicted[t]) = ([], []);
                for (int ic = 0; ic < initialConditions; ic++)
                {
                    truth[t].AddRange(indices.Select(i => targets[(ic * horizon + t) * frame + i]));
                    for (int m = 0; m < members; m++)
                        predicted[t].AddRange(indices.Select(i => predictions[((ic * members + m) * horizon + t) * frame + i]));
                }
            }
            double lo = Math.Min(truth.Min(v => v.Min()), predicted.Min(v => v.Min())), hi = Math.Max(truth.Max(v => v.Max()), predicted.Max(v => v.Max()));
            if (!(hi > lo)) continue;
            int bins = Math.Max(2, (int)Math.Ceiling(2 * Math.Cbrt(truth[0].Count)));
            double[,] Field(List<double>[] series)
            {
                var field = new double[horizon, bins];
                for (int t = 0; t < horizon; t++)
                {
                    var density = Density(series[t], lo, hi, bins);
                    for (int b = 0; b < bins; b++) field[t, b] = density[b];
                }
                return field;
            }
            var (truthField, forecastField) = (Field(truth), Field(predicted));
            double max = Math.Max(truthField.Cast<double>().Max(), forecastField.Cast<double>().Max());
            string name = observable.Names[c];
            foreach (var (field, label) in new[] { (truthField, "truth"), (forecastField, "forecast") })
                Plots.SpaceTime(Path.Combine(directory, $"marginal_{name}_vs_time_{label}"), $"{name}: density against time, {label} (all initial conditions)",
                    field, t0 + dt, dt, hi - lo, 0, max, lo, name);
        }
    }

    /// <summary>Initial condition 0's cloud at the given lead times in the plane of the first two dimensions, truth against member 0.</summary>
    public static void WriteSnapshots(string directory, PointSetObservable points, double[] predictions, double[] targets, int members, int horizon,
        IEnumerable<int> leads, double dt)
    {
        if (points.Dimensions.Count < 2) return;
        int frame = points.Size, d = points.Dimensions.Count;
        foreach (int lead in leads.Where(l => l >= 1 && l <= horizon).Distinct())
        {
            int t = lead - 1;
            (double[] X, double[] Y) Cloud(double[] values, long offset) =>
                (Enumerable.Range(0, points.Points).Select(p => values[offset + p * d]).ToArray(),
                 Enumerable.Range(0, points.Points).Select(p => values[offset + p * d + 1]).ToArray());
            var truth = Cloud(targets, (long)t * frame);
            var forecast = Cloud(predictions, (long)t * frame);             // member 0 of initial condition 0
            Plots.Clouds(Path.Combine(directory, $"cloud_t{lead}"), $"cloud at lead time {lead * dt:G4} (initial condition 0)",
                points.Dimensions[0], points.Dimensions[1], [("truth", truth.X, truth.Y), ("forecast (member 0)", forecast.X, forecast.Y)]);
        }
    }

    private static double[] Density(List<double> values, double lo, double hi, int bins)
    {
        var density = new double[bins];
        double width = (hi - lo) / bins;
        foreach (double v in values) density[Math.Clamp((int)((v - lo) / width), 0, bins - 1)] += 1 / (values.Count * width);
        return density;
    }
}
