using Led.Abstractions.Observables;

namespace Led.Core.Reports;

/// <summary>
/// For point sets and coordinate vectors: the marginal density of each quantity (a point set's dimension, a vector's
/// coordinate) at one lead time, truth pooled over initial conditions against the forecast pooled over initial
/// conditions and ensemble members, on common Rice-rule bins (<c>marginal_&lt;name&gt;.png</c>).
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

    private static double[] Density(List<double> values, double lo, double hi, int bins)
    {
        var density = new double[bins];
        double width = (hi - lo) / bins;
        foreach (double v in values) density[Math.Clamp((int)((v - lo) / width), 0, bins - 1)] += 1 / (values.Count * width);
        return density;
    }
}
