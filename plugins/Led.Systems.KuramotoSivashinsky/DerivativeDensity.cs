namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// The joint density of (u_x, u_xx) of 1-D fields (the paper's Fig. 3c–d): derivatives by central differences
/// (periodic, or one-sided at the ends), binned on a common grid over the joint range of truth and prediction, and the
/// L1 distance between the two densities.
/// </summary>
public static class DerivativeDensity
{
    /// <summary>
    /// (u_x, u_xx) by central differences (periodic or one-sided at the ends) of every snapshot <c>[n, points]</c>,
    /// binned on a common <paramref name="bins"/>² grid; returns both densities and the L1 distance between them.
    /// </summary>
    public static (double[,] Truth, double[,] Prediction, double L1, (double Lo, double Hi) Ux, (double Lo, double Hi) Uxx) Compute(
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
}
