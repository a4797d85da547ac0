namespace Led.Core.Reports;

/// <summary>
/// Axis limits that hold every plotted point with a margin (in plotted coordinates: log10 of the values on a log axis),
/// so that no measured point sits on or beyond the frame.
/// </summary>
public static class AxisLimits
{
    /// <summary>Default margin on each side, as a fraction of the span of the values.</summary>
    public const double Margin = 0.08;

    /// <summary>
    /// The limits around the finite <paramref name="values"/>: their span widened by <paramref name="margin"/> of it on
    /// each side; a single value gets ±10 % of its size (at least ±0.5); no finite value gives (0, 1).
    /// </summary>
    public static (double Low, double High) Around(IEnumerable<double> values, double margin = Margin)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        if (low > high) return (0, 1);
        double pad = high > low ? (high - low) * margin : Math.Max(Math.Abs(low) * 0.1, 0.5);
        return (low - pad, high + pad);
    }
}
