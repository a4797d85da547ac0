namespace Led.Core.Metrics;

/// <summary>Distances between two one-dimensional samples of any sizes.</summary>
public static class SampleDistances
{
    /// <summary>
    /// The Wasserstein-1 distance ∫|F_a − F_b| dx between the empirical distributions of <paramref name="a"/> and
    /// <paramref name="b"/> (as scipy.stats.wasserstein_distance). Sorts both arrays in place.
    /// </summary>
    public static double Wasserstein(double[] a, double[] b)
    {
        if (a.Length == 0 || b.Length == 0) throw new ArgumentException("both samples need at least one value");
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        double fa = 0, fb = 0, distance = 0, x = Math.Min(a[0], b[0]);
        while (i < a.Length || j < b.Length)
        {
            double next = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            distance += Math.Abs(fa - fb) * (next - x);
            x = next;
            while (i < a.Length && a[i] == x) i++;
            while (j < b.Length && b[j] == x) j++;
            (fa, fb) = ((double)i / a.Length, (double)j / b.Length);
        }
        return distance;
    }

    /// <summary>
    /// The L1 distance between the density histograms of <paramref name="prediction"/> and <paramref name="truth"/> over
    /// their joint range, ∫|p − q| dx ∈ [0, 2], with the Rice rule's ⌈2 n^{1/3}⌉ bins (n: the truth's size, at least 2 bins).
    /// </summary>
    public static double HistogramL1(ReadOnlySpan<double> prediction, ReadOnlySpan<double> truth)
    {
        double lo = Math.Min(Min(prediction), Min(truth)), hi = Math.Max(Max(prediction), Max(truth));
        if (!(hi > lo)) return 0;
        int bins = Math.Max(2, (int)Math.Ceiling(2 * Math.Cbrt(truth.Length)));
        var p = Counts(prediction, lo, hi, bins);
        var q = Counts(truth, lo, hi, bins);
        double l1 = 0;
        for (int k = 0; k < bins; k++) l1 += Math.Abs(p[k] / prediction.Length - q[k] / truth.Length);
        return l1;
    }

    private static double[] Counts(ReadOnlySpan<double> values, double lo, double hi, int bins)
    {
        var counts = new double[bins];
        foreach (double v in values) counts[Math.Clamp((int)((v - lo) / (hi - lo) * bins), 0, bins - 1)]++;
        return counts;
    }

    internal static double Min(ReadOnlySpan<double> values)
    {
        double m = double.PositiveInfinity;
        foreach (double v in values) m = Math.Min(m, v);
        return m;
    }

    internal static double Max(ReadOnlySpan<double> values)
    {
        double m = double.NegativeInfinity;
        foreach (double v in values) m = Math.Max(m, v);
        return m;
    }
}
