using System.Globalization;
using Led.Core.Reports;
using ScottPlot;

namespace Led.Studies.Reports;

/// <summary>
/// The figures of an ablation study (ScottPlot, PNG + SVG side by side, like <see cref="Led.Core.Reports.Plots"/>):
/// a metric against a numeric axis (mean line with a min–max band over seeds, one line per setting of the other axes)
/// and a metric per category (box: quartiles, whiskers at min and max, every run as a dot).
/// </summary>
public static class StudyPlots
{
    static StudyPlots() => Fonts.Default = "DejaVu Sans";

    /// <summary>
    /// A metric against a numeric axis: one line per setting of the other axes through the mean at each measured value
    /// (marked), with the min–max band over seeds; log scales (log2 x over a wide range of positive values, log10 y over
    /// two decades) are labelled with real values, and the frame holds every point. Returns the plot as saved.
    /// </summary>
    public static Plot MetricVsNumber(string pathWithoutExtension, string metric, string axis,
        IReadOnlyList<(string Label, IReadOnlyList<(double X, double Mean, double Min, double Max)> Points)> series)
    {
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().Order().ToArray();
        bool log2X = xs.Length >= 3 && xs[0] > 0 && xs[^1] / xs[0] >= 8;
        bool logY = LogScale(series.SelectMany(s => s.Points.SelectMany(p => new[] { p.Min, p.Max, p.Mean })).ToList());
        double X(double x) => log2X ? Math.Log2(x) : x;
        var plot = new Plot();
        var framed = new List<double>();
        int colour = 0;
        foreach (var (label, points) in series)
        {
            var color = Colors.Category10[colour++ % 10];
            var ordered = points.OrderBy(p => p.X).ToArray();
            double[] x = ordered.Select(p => X(p.X)).ToArray();
            if (ordered.Any(p => p.Max > p.Min) && ordered.Length >= 2)
            {
                var band = plot.Add.FillY(x, Y(ordered.Select(p => p.Min), logY), Y(ordered.Select(p => p.Max), logY));
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(x, Y(ordered.Select(p => p.Mean), logY));
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.MarkerShape = MarkerShape.FilledCircle;
            if (series.Count > 1) line.LegendText = label;
            framed.AddRange(Y(ordered.SelectMany(p => new[] { p.Min, p.Max, p.Mean }), logY));
        }
        PlotAxes.FrameX(plot, xs.Select(X), log: false);
        PlotAxes.FrameY(plot, framed, logY);
        // The measured values are the ticks of the swept axis (1, 2, 4, 8, 16 on a log2 axis), when they are few.
        if (log2X || xs.Length <= 12)
            plot.Axes.Bottom.TickGenerator = PlotAxes.Manual(xs.Select(X).ToArray(), xs.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)).ToArray());
        Plots.Decorate(plot, $"{metric} vs {axis}" + (series.Any(s => s.Points.Any(p => p.Max > p.Min)) ? " (band: min–max over seeds)" : ""),
            log2X ? $"{axis} (log scale)" : axis, logY ? $"{metric} (log scale)" : metric);
        // Outside the data area, so that it covers no point.
        if (series.Count > 1) plot.ShowLegend(Edge.Right);
        Plots.Save(plot, pathWithoutExtension, 900, 520);
        return plot;
    }

    /// <summary>
    /// A metric per category: box (quartiles, whiskers at min and max) and every value as a dot (<paramref name="dots"/>
    /// says what they are: runs, or initial conditions). Returns the plot as saved.
    /// </summary>
    public static Plot MetricPerCategory(string pathWithoutExtension, string metric, string axis,
        IReadOnlyList<(string Label, IReadOnlyList<double> Values)> categories, string dots = "runs")
    {
        bool logY = LogScale(categories.SelectMany(c => c.Values).ToList());
        var plot = new Plot();
        for (int i = 0; i < categories.Count; i++)
        {
            var values = Y(categories[i].Values, logY).Order().ToArray();
            if (values.Length == 0) continue;
            var color = Colors.Category10[i % 10];
            var box = plot.Add.Box(new Box
            {
                Position = i,
                BoxMin = Quantile(values, 0.25),
                BoxMax = Quantile(values, 0.75),
                BoxMiddle = Quantile(values, 0.5),
                WhiskerMin = values[0],
                WhiskerMax = values[^1],
                Width = 0.5,
            });
            // The box plot styles its boxes; translucent, so that the median line and the dots show.
            box.FillColor = color.WithAlpha(0.25);
            box.LineColor = color;
            box.LineWidth = 1.5f;
            plot.Add.Markers(values.Select((_, k) => i + (values.Length == 1 ? 0 : 0.3 * (k / (values.Length - 1.0) - 0.5))).ToArray(), values,
                MarkerShape.FilledCircle, 6, color);
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.Select(c => c.Label).ToArray());
        plot.Axes.SetLimitsX(-0.7, categories.Count - 0.3);
        PlotAxes.FrameY(plot, Y(categories.SelectMany(c => c.Values), logY), logY);
        Plots.Decorate(plot, $"{metric} per {axis} (box: quartiles, whiskers: min–max; dots: {dots})", axis, logY ? $"{metric} (log scale)" : metric);
        Plots.Save(plot, pathWithoutExtension, 900, 520);
        return plot;
    }

    /// <summary>log10 when every value is positive and they span at least two decades.</summary>
    private static bool LogScale(IReadOnlyCollection<double> values) =>
        values.Count > 0 && values.All(v => v > 0) && values.Max() / values.Min() >= 100;

    private static double[] Y(IEnumerable<double> values, bool log) => values.Select(v => log ? Math.Log10(v) : v).ToArray();

    /// <summary>The <paramref name="q"/>-quantile of sorted values, linearly interpolated.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
