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

    public static void MetricVsNumber(string pathWithoutExtension, string metric, string axis,
        IReadOnlyList<(string Label, IReadOnlyList<(double X, double Mean, double Min, double Max)> Points)> series)
    {
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().Order().ToArray();
        bool log2X = xs.Length >= 3 && xs[0] > 0 && xs[^1] / xs[0] >= 8;
        var all = series.SelectMany(s => s.Points.SelectMany(p => new[] { p.Min, p.Max })).ToList();
        bool logY = LogScale(all);
        var plot = new Plot();
        int colour = 0;
        foreach (var (label, points) in series)
        {
            var color = Colors.Category10[colour++ % 10];
            var ordered = points.OrderBy(p => p.X).ToArray();
            double[] x = ordered.Select(p => log2X ? Math.Log2(p.X) : p.X).ToArray();
            if (ordered.Any(p => p.Max > p.Min) && ordered.Length >= 2)
            {
                var band = plot.Add.FillY(x, Y(ordered.Select(p => p.Min), logY), Y(ordered.Select(p => p.Max), logY));
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(x, Y(ordered.Select(p => p.Mean), logY));
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            if (series.Count > 1) line.LegendText = label;
        }
        if (log2X || xs.Length <= 12)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs.Select(v => log2X ? Math.Log2(v) : v).ToArray(),
                xs.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Decorate(plot, $"{metric} vs {axis}" + (series.Any(s => s.Points.Any(p => p.Max > p.Min)) ? " (band: min–max over seeds)" : ""),
            log2X ? $"{axis} (log2 scale)" : axis, logY ? $"log10 {metric}" : metric);
        if (series.Count > 1) plot.ShowLegend();
        Save(plot, pathWithoutExtension, 900, 520);
    }

    public static void MetricPerCategory(string pathWithoutExtension, string metric, string axis,
        IReadOnlyList<(string Label, IReadOnlyList<double> Values)> categories)
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
        Decorate(plot, $"{metric} per {axis} (box: quartiles, whiskers: min–max; dots: runs)", axis, logY ? $"log10 {metric}" : metric);
        Save(plot, pathWithoutExtension, 900, 520);
    }

    /// <summary>log10 when every value is positive and they span at least two decades.</summary>
    private static bool LogScale(IReadOnlyCollection<double> values) =>
        values.Count > 0 && values.All(v => v > 0) && values.Max() / values.Min() >= 100;

    private static double[] Y(IEnumerable<double> values, bool log) => values.Select(v => log ? Math.Log10(v) : v).ToArray();

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    private static void Decorate(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
    }

    private static void Save(Plot plot, string pathWithoutExtension, int width, int height)
    {
        plot.SavePng(pathWithoutExtension + ".png", width, height);
        plot.SaveSvg(pathWithoutExtension + ".svg", width, height);
    }
}
