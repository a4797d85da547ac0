using ScottPlot;

namespace Led.Core.Reports;

/// <summary>Figures written as PNG and SVG side by side (ScottPlot, headless).</summary>
public static class Plots
{
    static Plots() => Fonts.Default = "DejaVu Sans";

    /// <summary>Mean over initial conditions with a min–max band, against time.</summary>
    public static void Band(string pathWithoutExtension, string title, string xLabel, string yLabel, double[] time,
        IEnumerable<(string Label, double[] Mean, double[] Min, double[] Max)> series, bool logY = false)
    {
        var plot = new Plot();
        var framed = new List<double>();
        int colour = 0;
        foreach (var (label, mean, min, max) in series)
        {
            var color = Colors.Category10[colour++ % 10];
            var fill = plot.Add.FillY(time, Transform(min, logY), Transform(max, logY));
            fill.FillColor = color.WithAlpha(0.2);
            fill.LineWidth = 0;
            var line = plot.Add.ScatterLine(time, Transform(mean, logY));
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = label;
            framed.AddRange(Transform(min, logY).Concat(Transform(max, logY)).Concat(Transform(mean, logY)));
        }
        PlotAxes.FrameY(plot, framed, logY);
        Decorate(plot, title, xLabel, logY ? $"{yLabel} (log scale)" : yLabel);
        plot.ShowLegend();
        Save(plot, pathWithoutExtension, 900, 500);
    }

    /// <summary>Several lines against a common x; series of a few points (at most <see cref="MarkedPoints"/>) mark each point.</summary>
    public static void Lines(string pathWithoutExtension, string title, string xLabel, string yLabel,
        IEnumerable<(string Label, double[] X, double[] Y)> series, bool logY = false) =>
        Measured(pathWithoutExtension, title, xLabel, yLabel, series, [], logX: false, logY);

    /// <summary>Series of at most this many points are drawn with a marker at each point.</summary>
    public const int MarkedPoints = 40;

    /// <summary>
    /// Lines through measured points (marked when few) with horizontal reference lines (dashed, e.g. other methods'
    /// values), on linear or log axes labelled with real values; the frame holds every point and reference.
    /// </summary>
    public static Plot Measured(string pathWithoutExtension, string title, string xLabel, string yLabel,
        IEnumerable<(string Label, double[] X, double[] Y)> series, IEnumerable<(string Label, double Y)> references, bool logX, bool logY)
    {
        var plot = new Plot();
        var (xs, ys) = (new List<double>(), new List<double>());
        int colour = 0;
        foreach (var (label, x, y) in series)
        {
            var (px, py) = (Transform(x, logX), Transform(y, logY));
            var line = plot.Add.Scatter(px, py);
            line.Color = Colors.Category10[colour++ % 10];
            line.LineWidth = 2;
            line.MarkerSize = x.Length <= MarkedPoints ? 7 : 0;
            line.LegendText = label;
            xs.AddRange(px);
            ys.AddRange(py);
        }
        foreach (var (label, y) in references)
        {
            double py = Transform([y], logY)[0];
            var reference = plot.Add.HorizontalLine(py);
            reference.Color = Colors.Category10[colour++ % 10];
            reference.LineWidth = 1.5f;
            reference.LinePattern = LinePattern.Dashed;
            reference.LegendText = $"{label} ({y.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)})";
            ys.Add(py);
        }
        PlotAxes.FrameX(plot, xs, logX);
        PlotAxes.FrameY(plot, ys, logY);
        Decorate(plot, title, logX ? $"{xLabel} (log scale)" : xLabel, logY ? $"{yLabel} (log scale)" : yLabel);
        plot.ShowLegend(Edge.Right); // outside the data area, so that it covers no point
        Save(plot, pathWithoutExtension, 900, 500);
        return plot;
    }

    /// <summary>A space–time field <c>[time, space]</c> as a heat map (time on x, space on y from <paramref name="y0"/> to y0 + extent).</summary>
    public static void SpaceTime(string pathWithoutExtension, string title, double[,] field, double t0, double dt, double extent,
        double? min = null, double? max = null, double y0 = 0, string yLabel = "x")
    {
        int steps = field.GetLength(0), points = field.GetLength(1);
        var grid = new double[points, steps];
        for (int t = 0; t < steps; t++)
            for (int x = 0; x < points; x++) grid[points - 1 - x, t] = field[t, x];
        var plot = new Plot();
        var map = plot.Add.Heatmap(grid);
        map.Colormap = new ScottPlot.Colormaps.Turbo();
        map.Extent = new CoordinateRect(t0, t0 + steps * dt, y0, y0 + extent);
        if (min is not null && max is not null) map.ManualRange = new ScottPlot.Range(min.Value, max.Value);
        plot.Add.ColorBar(map);
        Decorate(plot, title, "t", yLabel);
        Save(plot, pathWithoutExtension, 1000, 350);
    }

    /// <summary>A 2-D field <c>[y, x]</c> (row 0 at y = 0) as a heat map over the domain, aspect ratio kept.</summary>
    public static void Field(string pathWithoutExtension, string title, double[,] field, double width, double height,
        double? min = null, double? max = null)
    {
        int ny = field.GetLength(0), nx = field.GetLength(1);
        var grid = new double[ny, nx];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) grid[ny - 1 - j, i] = field[j, i];
        var plot = new Plot();
        var map = plot.Add.Heatmap(grid);
        map.Colormap = new ScottPlot.Colormaps.Turbo();
        map.Extent = new CoordinateRect(0, width, 0, height);
        if (min is not null && max is not null) map.ManualRange = new ScottPlot.Range(min.Value, max.Value);
        plot.Add.ColorBar(map);
        plot.Axes.SquareUnits();
        Decorate(plot, title, "x", "y");
        Save(plot, pathWithoutExtension, 1000, (int)Math.Clamp(1000 * height / width + 120, 300, 1200));
    }

    /// <summary>A 2-D density <c>[x bin, y bin]</c> as a heat map of log10 density (empty bins blank).</summary>
    public static void Density(string pathWithoutExtension, string title, double[,] density, (double Lo, double Hi) x, (double Lo, double Hi) y,
        string xLabel, string yLabel)
    {
        int nx = density.GetLength(0), ny = density.GetLength(1);
        var grid = new double[ny, nx];
        for (int a = 0; a < nx; a++)
            for (int b = 0; b < ny; b++) grid[ny - 1 - b, a] = density[a, b] > 0 ? Math.Log10(density[a, b]) : double.NaN;
        var plot = new Plot();
        var map = plot.Add.Heatmap(grid);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Extent = new CoordinateRect(x.Lo, x.Hi, y.Lo, y.Hi);
        plot.Add.ColorBar(map).Label = "log10 density";
        Decorate(plot, title, xLabel, yLabel);
        Save(plot, pathWithoutExtension, 700, 600);
    }

    /// <summary>Point clouds in a plane, one colour per cloud (e.g. a particle cloud and its forecast).</summary>
    public static void Clouds(string pathWithoutExtension, string title, string xLabel, string yLabel, IEnumerable<(string Label, double[] X, double[] Y)> clouds)
    {
        var plot = new Plot();
        int colour = 0;
        foreach (var (label, x, y) in clouds)
        {
            var points = plot.Add.ScatterPoints(x, y);
            points.Color = Colors.Category10[colour++ % 10].WithAlpha(0.5);
            points.MarkerSize = 3;
            points.LegendText = label;
        }
        Decorate(plot, title, xLabel, yLabel);
        plot.ShowLegend();
        Save(plot, pathWithoutExtension, 700, 600);
    }

    /// <summary>
    /// A latent phase portrait: the encoded data as a cloud of points and forecast trajectories as lines, in the plane of
    /// two latent components (paper Fig. 2f).
    /// </summary>
    public static void Phase(string pathWithoutExtension, string title, string xLabel, string yLabel,
        (double[] X, double[] Y) cloud, string cloudLabel, IEnumerable<(string Label, double[] X, double[] Y)> trajectories)
    {
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(cloud.X, cloud.Y);
        points.Color = Colors.Gray.WithAlpha(0.35);
        points.MarkerSize = 3;
        points.LegendText = cloudLabel;
        int colour = 0;
        foreach (var (label, x, y) in trajectories)
        {
            var line = plot.Add.ScatterLine(x, y);
            line.Color = Colors.Category10[colour++ % 10];
            line.LineWidth = 1.5f;
            line.LegendText = label;
        }
        Decorate(plot, title, xLabel, yLabel);
        plot.ShowLegend();
        Save(plot, pathWithoutExtension, 700, 600);
    }

    /// <summary>Vertical bars, one per label, with the value printed above each (log axis when <paramref name="logY"/>).</summary>
    public static void Bars(string pathWithoutExtension, string title, string yLabel, IReadOnlyList<(string Label, double Value)> bars, bool logY = false)
    {
        var plot = new Plot();
        var values = bars.Select(b => b.Value).ToArray();
        var heights = Transform(values, logY);
        double floor = logY ? Math.Floor(heights.Min()) - 0.5 : 0;
        for (int i = 0; i < bars.Count; i++)
        {
            var bar = plot.Add.Bar(new Bar { Position = i, ValueBase = floor, Value = heights[i], FillColor = Colors.Category10[i % 10] });
            var text = plot.Add.Text(values[i].ToString("G3", System.Globalization.CultureInfo.InvariantCulture), i, heights[i]);
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 12;
            _ = bar;
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        if (logY)
        {
            // Bars rise from the floor; the frame holds the floor and every bar with its label above it.
            double top = heights.Max() + 0.15 * (heights.Max() - floor);
            plot.Axes.SetLimitsY(floor, top);
            plot.Axes.Left.TickGenerator = PlotAxes.Manual([.. LogTicks.Major(floor, top).Select(t => t.Position)], [.. LogTicks.Major(floor, top).Select(t => t.Label)]);
        }
        Decorate(plot, title, "", logY ? $"{yLabel} (log scale)" : yLabel);
        Save(plot, pathWithoutExtension, 900, 550);
    }

    private static double[] Transform(double[] values, bool log) =>
        log ? values.Select(v => Math.Log10(Math.Max(v, 1e-300))).ToArray() : values;

    /// <summary>Sets a plot's title and axis labels.</summary>
    public static void Decorate(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
    }

    /// <summary>Writes a plot as PNG and SVG.</summary>
    public static void Save(Plot plot, string pathWithoutExtension, int width, int height)
    {
        plot.SavePng(pathWithoutExtension + ".png", width, height);
        plot.SaveSvg(pathWithoutExtension + ".svg", width, height);
    }
}
