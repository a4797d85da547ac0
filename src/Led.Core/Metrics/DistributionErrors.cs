namespace Led.Core.Metrics;

/// <summary>
/// Statistics of the forecast states against the true states (spec §4), per initial condition over all times and
/// grid points: the L1 distance between the normalised histograms (Rice-rule bins over the joint range, integrated
/// exactly as a sum over bins — the reference applies Simpson's rule to the bin values, which misweights a step
/// function) and the Wasserstein-1 distance between the empirical distributions.
/// </summary>
public static class DistributionErrors
{
    /// <param name="predictions">[ic, t, grid] of one channel (physical units), flattened per initial condition.</param>
    /// <param name="targets">Same layout.</param>
    public static (double L1, double Wasserstein) StateDistribution(double[] predictions, double[] targets, int initialConditions)
    {
        int per = predictions.Length / initialConditions;
        double l1 = 0, w1 = 0;
        for (int i = 0; i < initialConditions; i++)
        {
            var p = predictions.AsSpan(i * per, per);
            var y = targets.AsSpan(i * per, per);
            double lo = Math.Min(SampleDistances.Min(p), SampleDistances.Min(y)), hi = Math.Max(SampleDistances.Max(p), SampleDistances.Max(y));
            int bins = Math.Max(2, (int)Math.Ceiling(2 * Math.Cbrt(per)));
            var hp = Density(p, lo, hi, bins);
            var hy = Density(y, lo, hi, bins);
            var diff = hp.Zip(hy, (a, b) => Math.Abs(a - b)).ToArray();
            l1 += diff.Sum() * (hi - lo) / bins;
            w1 += Wasserstein(p.ToArray(), y.ToArray());
        }
        return (l1 / initialConditions, w1 / initialConditions);
    }

    /// <summary>W1 between two empirical distributions of equal size: the mean absolute difference of sorted samples.</summary>
    public static double Wasserstein(double[] a, double[] b)
    {
        Array.Sort(a);
        Array.Sort(b);
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / a.Length;
    }

    private static double[] Density(ReadOnlySpan<double> values, double lo, double hi, int bins)
    {
        var h = new double[bins];
        double width = (hi - lo) / bins;
        if (!(width > 0)) { h[0] = 1; return h; }
        foreach (var v in values) h[Math.Clamp((int)((v - lo) / width), 0, bins - 1)]++;
        for (int k = 0; k < bins; k++) h[k] /= values.Length * width;
        return h;
    }
}
