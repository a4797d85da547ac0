using ScottPlot;
using ScottPlot.TickGenerators;

namespace Led.Core.Reports;

/// <summary>
/// Frames a plot around its points (<see cref="AxisLimits"/>) and labels a log10 axis with real values
/// (<see cref="LogTicks"/>). Values are given in plotted coordinates: log10 of the data on a log axis.
/// </summary>
public static class PlotAxes
{
    /// <summary>Sets the y limits around <paramref name="plotted"/>; on a log axis, ticks labelled with the values.</summary>
    public static void FrameY(Plot plot, IEnumerable<double> plotted, bool log)
    {
        var (low, high) = AxisLimits.Around(plotted);
        plot.Axes.SetLimitsY(low, high);
        if (log) plot.Axes.Left.TickGenerator = Log10(low, high);
    }

    /// <summary>Sets the x limits around <paramref name="plotted"/>; on a log axis, ticks labelled with the values.</summary>
    public static void FrameX(Plot plot, IEnumerable<double> plotted, bool log)
    {
        var (low, high) = AxisLimits.Around(plotted);
        plot.Axes.SetLimitsX(low, high);
        if (log) plot.Axes.Bottom.TickGenerator = Log10(low, high);
    }

    /// <summary>Ticks at the given positions with the given labels (e.g. the measured values of a swept axis).</summary>
    public static NumericManual Manual(IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        return ticks;
    }

    private static NumericManual Log10(double low, double high)
    {
        var ticks = new NumericManual();
        var major = LogTicks.Major(low, high);
        foreach (var (position, label) in major) ticks.AddMajor(position, label);
        foreach (var position in LogTicks.Minor(low, high).Where(p => major.All(m => Math.Abs(m.Position - p) > 1e-9))) ticks.AddMinor(position);
        return ticks;
    }
}
