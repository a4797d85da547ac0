using Led.Systems.CylinderFlow;

namespace Led.Benchmarks;

/// <summary>Time series of one cylinder-flow run and the shedding statistics over the window after the transient.</summary>
internal sealed record CylinderRunResult(
    CylinderFlowOptions Options,
    double[] Times,
    double[] Drag,
    double[] Lift,
    double[] ProbeTimes,
    double[] Probe,
    double Transient,
    double MaxDivergence,
    double MillisecondsPerStep,
    double WallSeconds)
{
    /// <summary>Upward zero crossings of C_l after the transient.</summary>
    public double[] Crossings => SheddingAnalysis.UpwardCrossings(Window(Times, Times), Window(Times, Lift));

    /// <summary>Whole shedding periods in the window.</summary>
    public int Periods => Math.Max(0, Crossings.Length - 1);

    /// <summary>St from the C_l zero crossings (D = U = 1).</summary>
    public double StrouhalLift => Periods < 1 ? double.NaN : Periods / (Crossings[^1] - Crossings[0]);

    /// <summary>St from the spectral peak of the wake probe v(x_c + 2D, y_c) after the transient.</summary>
    public double StrouhalProbe
    {
        get
        {
            var probe = Window(ProbeTimes, Probe);
            return SheddingAnalysis.DominantFrequency(probe, ProbeTimes[1] - ProbeTimes[0]);
        }
    }

    /// <summary>C_d statistics over the whole periods.</summary>
    public (double Mean, double Amplitude, double Max, double Min) DragStatistics => Statistics(Drag);

    /// <summary>C_l statistics over the whole periods.</summary>
    public (double Mean, double Amplitude, double Max, double Min) LiftStatistics => Statistics(Lift);

    private (double Mean, double Amplitude, double Max, double Min) Statistics(double[] signal)
    {
        var crossings = Crossings;
        return crossings.Length < 2
            ? SheddingAnalysis.Statistics(Times, signal, Transient, double.MaxValue)
            : SheddingAnalysis.Statistics(Times, signal, crossings[0], crossings[^1]);
    }

    private double[] Window(double[] times, double[] values)
    {
        int first = Array.FindIndex(times, t => t >= Transient);
        return first < 0 ? [] : values[first..];
    }
}
