namespace Led.Propagators.Sindy;

/// <summary>
/// Refinement of uniformly sampled trajectories by the not-a-knot cubic spline (scipy's default cubic interpolation):
/// second derivatives M from M_{t−1} + 4M_t + M_{t+1} = 6(x_{t+1} − 2x_t + x_{t−1})/h² inside, with the third derivative
/// continuous at the second and the second-to-last knots (M_0 = 2M_1 − M_2, which on a uniform grid reduces the first
/// equation to 6M_1 = r_1, and likewise at the other end), solved by the Thomas algorithm; each interval is then evaluated
/// at <c>factor</c> equally spaced points.
/// </summary>
internal static class CubicSpline
{
    /// <summary>
    /// <paramref name="x"/>, <c>[T, d]</c> row-major with T ≥ 4, sampled <paramref name="factor"/> times as densely:
    /// <c>[(T − 1)·factor + 1, d]</c>, the original samples kept exactly at every factor-th row.
    /// </summary>
    public static double[] Refine(ReadOnlySpan<double> x, int dimension, int factor)
    {
        int length = x.Length / dimension;
        if (factor < 1) throw new ArgumentException($"the interpolation factor must be ≥ 1, got {factor}");
        if (factor == 1) return x.ToArray();
        if (length < 4) throw new ArgumentException($"cubic interpolation needs at least 4 samples per trajectory, got {length}");
        int refined = (length - 1) * factor + 1;
        var output = new double[refined * dimension];
        var y = new double[length];
        var m = new double[length];
        for (int i = 0; i < dimension; i++)
        {
            for (int t = 0; t < length; t++) y[t] = x[t * dimension + i];
            SecondDerivatives(y, m);
            for (int t = 0; t < length - 1; t++)
                for (int k = 0; k < factor; k++)
                {
                    double s = k / (double)factor, r = 1 - s;
                    // Unit spacing: S = M_t r³/6 + M_{t+1} s³/6 + (y_t − M_t/6) r + (y_{t+1} − M_{t+1}/6) s
                    output[(t * factor + k) * dimension + i] = m[t] * r * r * r / 6 + m[t + 1] * s * s * s / 6 + (y[t] - m[t] / 6) * r + (y[t + 1] - m[t + 1] / 6) * s;
                }
            output[(refined - 1) * dimension + i] = y[length - 1];
        }
        return output;
    }

    /// <summary>The not-a-knot spline's second derivatives at unit spacing.</summary>
    private static void SecondDerivatives(double[] y, double[] m)
    {
        int n = y.Length, inner = n - 2;
        // Unknowns M_1 … M_{n−2}: rows [1, 4, 1] inside, [6, 0] first and [0, 6] last.
        var lower = new double[inner];
        var diagonal = new double[inner];
        var upper = new double[inner];
        var rhs = new double[inner];
        for (int j = 0; j < inner; j++)
        {
            int t = j + 1;
            rhs[j] = 6 * (y[t + 1] - 2 * y[t] + y[t - 1]);
            (lower[j], diagonal[j], upper[j]) = (1, 4, 1);
        }
        (diagonal[0], upper[0]) = (6, 0);
        (lower[inner - 1], diagonal[inner - 1]) = (0, 6);
        for (int j = 1; j < inner; j++)
        {
            double f = lower[j] / diagonal[j - 1];
            diagonal[j] -= f * upper[j - 1];
            rhs[j] -= f * rhs[j - 1];
        }
        m[inner] = rhs[inner - 1] / diagonal[inner - 1];
        for (int j = inner - 2; j >= 0; j--) m[j + 1] = (rhs[j] - upper[j] * m[j + 2]) / diagonal[j];
        m[0] = 2 * m[1] - m[2];
        m[n - 1] = 2 * m[n - 2] - m[n - 3];
    }
}
