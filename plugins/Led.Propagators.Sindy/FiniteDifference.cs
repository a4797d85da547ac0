namespace Led.Propagators.Sindy;

/// <summary>
/// Time derivatives of a sampled trajectory by second-order finite differences: central (x_{t+1} − x_{t−1}) / 2Δt inside,
/// and the one-sided (∓3x_t ± 4x_{t±1} ∓ x_{t±2}) / 2Δt at the two ends.
/// </summary>
internal static class FiniteDifference
{
    /// <summary>dx/dt of <paramref name="x"/>, <c>[T, d]</c> row-major with T ≥ 3.</summary>
    public static double[] Derivative(ReadOnlySpan<double> x, int dimension, double timeStep)
    {
        int length = x.Length / dimension;
        if (length < 3) throw new ArgumentException($"finite differences need at least 3 samples per trajectory, got {length}");
        var derivative = new double[x.Length];
        double half = 0.5 / timeStep;
        int last = length - 1;
        for (int i = 0; i < dimension; i++)
        {
            derivative[i] = (-3 * x[i] + 4 * x[dimension + i] - x[2 * dimension + i]) * half;
            for (int t = 1; t < last; t++) derivative[t * dimension + i] = (x[(t + 1) * dimension + i] - x[(t - 1) * dimension + i]) * half;
            derivative[last * dimension + i] = (3 * x[last * dimension + i] - 4 * x[(last - 1) * dimension + i] + x[(last - 2) * dimension + i]) * half;
        }
        return derivative;
    }
}
