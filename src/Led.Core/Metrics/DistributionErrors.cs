namespace Led.Core.Metrics;

/// <summary>
/// Statistics of the forecast states against the true states (spec §4), per initial condition over all times and
/// grid points: the L1 distance between the normalised histograms (Rice-rule bins over the joint range, integrated
/// exactly as a sum over bins — the reference applies Simpson's rule to the bin values, which misweights a step
/// function) and the Wasserstein-1 distance between the empirical distributions. For scalar 1-D fields also the joint
/// density of (u_x, u_xx) (the paper's Fig. 3c–d) and the L1 distance between those densities.
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
            double lo = Math.Min(Min(p), Min(y)), hi = Math.Max(Max(p), Max(y));
            int bins = Math.Max(2, (int)Math.Ceiling(2 * Math.Cbrt(per)));
            var hp = Density(p, lo, hi, bins);
            var hy = Density(y, lo, hi, bins);
            var diff = hp.Zip(hy, (a, b) => Math.Abs(a - b)).ToArray();
            l1 += diff.Sum() * (hi - lo) / bins;
            w1 += Wasserstein(p.ToArray(), y.ToArray());
        }
        return (l1 / initialConditions, w1 / initialConditions);
    }

    /// <summary>
    /// (u_x, u_xx) by central differences (periodic or one-sided at the ends) of every snapshot <c>[n, points]</c>,
    /// binned on a common <paramref name="bins"/>² grid; returns both densities and the L1 distance between them.
    /// </summary>
    public static (double[,] Truth, double[,] Prediction, double L1, (double Lo, double Hi) Ux, (double Lo, double Hi) Uxx) DerivativeDensity(
        double[] predictions, double[] targets, int points, double dx, bool periodic, int bins = 60)
    {
        var (px, pxx) = Derivatives(predictions, points, dx, periodic);
        var (tx, txx) = Derivatives(targets, points, dx, periodic);
        var ux = (Math.Min(px.Min(), tx.Min()), Math.Max(px.Max(), tx.Max()));
        var uxx = (Math.Min(pxx.Min(), txx.Min()), Math.Max(pxx.Max(), txx.Max()));
        var hp = Density2(px, pxx, ux, uxx, bins);
        var ht = Density2(tx, txx, ux, uxx, bins);
        double cell = (ux.Item2 - ux.Item1) / bins * ((uxx.Item2 - uxx.Item1) / bins), l1 = 0;
        for (int a = 0; a < bins; a++)
            for (int b = 0; b < bins; b++) l1 += Math.Abs(hp[a, b] - ht[a, b]) * cell;
        return (ht, hp, l1, ux, uxx);
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

    private static (double[] Ux, double[] Uxx) Derivatives(double[] fields, int points, double dx, bool periodic)
    {
        int snapshots = fields.Length / points;
        int inner = periodic ? points : points - 2, offset = periodic ? 0 : 1;
        var ux = new double[snapshots * inner];
        var uxx = new double[snapshots * inner];
        for (int s = 0; s < snapshots; s++)
        {
            var u = fields.AsSpan(s * points, points);
            for (int j = 0; j < inner; j++)
            {
                int k = j + offset;
                double left = u[(k - 1 + points) % points], right = u[(k + 1) % points];
                ux[s * inner + j] = (right - left) / (2 * dx);
                uxx[s * inner + j] = (right - 2 * u[k] + left) / (dx * dx);
            }
        }
        return (ux, uxx);
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

    private static double[,] Density2(double[] x, double[] y, (double Lo, double Hi) rx, (double Lo, double Hi) ry, int bins)
    {
        var h = new double[bins, bins];
        double wx = (rx.Hi - rx.Lo) / bins, wy = (ry.Hi - ry.Lo) / bins;
        if (!(wx > 0) || !(wy > 0)) return h;
        for (int i = 0; i < x.Length; i++)
            h[Math.Clamp((int)((x[i] - rx.Lo) / wx), 0, bins - 1), Math.Clamp((int)((y[i] - ry.Lo) / wy), 0, bins - 1)]++;
        for (int a = 0; a < bins; a++)
            for (int b = 0; b < bins; b++) h[a, b] /= x.Length * wx * wy;
        return h;
    }

    private static double Min(ReadOnlySpan<double> s)
    {
        double m = double.PositiveInfinity;
        foreach (var v in s) m = Math.Min(m, v);
        return m;
    }

    private static double Max(ReadOnlySpan<double> s)
    {
        double m = double.NegativeInfinity;
        foreach (var v in s) m = Math.Max(m, v);
        return m;
    }
}
