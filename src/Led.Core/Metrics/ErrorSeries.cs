namespace Led.Core.Metrics;

/// <summary>One error metric per initial condition and time step, <c>[ic, t]</c>.</summary>
public sealed class ErrorSeries(string name, int initialConditions, int steps)
{
    public string Name { get; } = name;

    public int InitialConditions { get; } = initialConditions;

    public int Steps { get; } = steps;

    public double[,] Values { get; } = new double[initialConditions, steps];

    /// <summary>Mean over initial conditions and the first <paramref name="steps"/> time steps (all by default).</summary>
    public double Mean(int? steps = null)
    {
        int n = Math.Min(steps ?? Steps, Steps);
        double sum = 0;
        for (int i = 0; i < InitialConditions; i++)
            for (int t = 0; t < n; t++) sum += Values[i, t];
        return sum / (InitialConditions * (double)n);
    }

    /// <summary>Mean over the first <paramref name="steps"/> time steps of initial condition <paramref name="ic"/>.</summary>
    public double MeanOf(int ic, int steps)
    {
        int n = Math.Min(steps, Steps);
        double sum = 0;
        for (int t = 0; t < n; t++) sum += Values[ic, t];
        return sum / n;
    }

    /// <summary>Mean, minimum and maximum over initial conditions at each time step.</summary>
    public (double[] Mean, double[] Min, double[] Max) OverTime()
    {
        var (mean, min, max) = (new double[Steps], new double[Steps], new double[Steps]);
        for (int t = 0; t < Steps; t++)
        {
            double s = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = 0; i < InitialConditions; i++)
            {
                double v = Values[i, t];
                s += v;
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
            (mean[t], min[t], max[t]) = (s / InitialConditions, lo, hi);
        }
        return (mean, min, max);
    }
}
