namespace Led.Propagators.Sindy;

/// <summary>
/// Savitzky–Golay smoothing: every sample is replaced by the value at its position of the least-squares polynomial of
/// degree <c>order</c> through the <c>window</c> (odd) samples centred on it; within half a window of either end, the
/// polynomial through the first (last) window is evaluated at the sample's position (scipy's <c>mode='interp'</c>). The
/// weights for evaluating at offset s from the window's centre are e(s)ᵀ (AᵀA)⁻¹ Aᵀ with A_kj = (k/m)^j, offsets scaled by
/// the half-width m to keep AᵀA well conditioned.
/// </summary>
internal static class SavitzkyGolay
{
    /// <summary>The weights of the window's samples for the fitted polynomial's value at <paramref name="offset"/> (−m … m) from its centre.</summary>
    public static double[] Coefficients(int window, int order, int offset)
    {
        if (window < 1 || window % 2 == 0) throw new ArgumentException($"the Savitzky–Golay window must be odd and positive, got {window}");
        if (order < 0 || order >= window) throw new ArgumentException($"the Savitzky–Golay order must be in [0, window), got {order} for window {window}");
        int m = window / 2, p = order + 1;
        double scale = Math.Max(m, 1);
        var a = new double[window, p];
        for (int k = 0; k < window; k++)
            for (int j = 0; j < p; j++) a[k, j] = Math.Pow((k - m) / scale, j);
        // Solve (AᵀA) w = e(s) for w; the weights are A w.
        var normal = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
                for (int k = 0; k < window; k++) normal[i, j] += a[k, i] * a[k, j];
        var e = new double[p];
        for (int j = 0; j < p; j++) e[j] = Math.Pow(offset / scale, j);
        var w = Solve(normal, e);
        var weights = new double[window];
        for (int k = 0; k < window; k++)
            for (int j = 0; j < p; j++) weights[k] += a[k, j] * w[j];
        return weights;
    }

    /// <summary>The smoothed copy of <paramref name="x"/>, <c>[T, d]</c> row-major, each column on its own; T ≥ window.</summary>
    public static double[] Smooth(ReadOnlySpan<double> x, int dimension, int window, int order)
    {
        int length = x.Length / dimension, m = window / 2;
        if (length < window) throw new ArgumentException($"Savitzky–Golay smoothing over {window} samples needs trajectories of at least {window} samples, got {length}");
        var centre = Coefficients(window, order, 0);
        var ends = Enumerable.Range(-m, m).Select(s => Coefficients(window, order, s)).ToArray();   // offsets −m … −1
        var smoothed = new double[x.Length];
        for (int i = 0; i < dimension; i++)
        {
            for (int t = 0; t < length; t++)
            {
                double[] weights;
                int first;
                if (t < m) (weights, first) = (ends[t], 0);                                      // offset t − m in the first window
                else if (t >= length - m) (weights, first) = (Mirrored(ends[length - 1 - t]), length - window);
                else (weights, first) = (centre, t - m);
                double sum = 0;
                for (int k = 0; k < window; k++) sum += weights[k] * x[(first + k) * dimension + i];
                smoothed[t * dimension + i] = sum;
            }
        }
        return smoothed;
    }

    /// <summary>The weights for offset +s from those for −s (the window reversed).</summary>
    private static double[] Mirrored(double[] weights)
    {
        var reversed = (double[])weights.Clone();
        Array.Reverse(reversed);
        return reversed;
    }

    /// <summary>Gaussian elimination with partial pivoting on a small dense system.</summary>
    private static double[] Solve(double[,] matrix, double[] rhs)
    {
        int n = rhs.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            for (int j = 0; j < n; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            (b[c], b[pivot]) = (b[pivot], b[c]);
            for (int r = c + 1; r < n; r++)
            {
                double f = a[r, c] / a[c, c];
                for (int j = c; j < n; j++) a[r, j] -= f * a[c, j];
                b[r] -= f * b[c];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int j = r + 1; j < n; j++) sum -= a[r, j] * x[j];
            x[r] = sum / a[r, r];
        }
        return x;
    }
}
