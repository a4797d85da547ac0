using Led.Core.Reports;

namespace Led.Core.Tests.Reports;

public sealed class PlotsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-plots").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MeasuredPointsAndReferenceLinesAreAllInsideTheFrameOnLogAxes()
    {
        double[] rho = [1, 4, 16, 64, 256];
        double[] mnad = [0.011, 0.02, 0.045, 0.09, 0.15];
        string path = Path.Combine(_dir, "mnad_vs_rho");
        var plot = Plots.Measured(path, "MNAD against ρ", "ρ", "MNAD", [("T_μ = 1", rho, mnad)],
            [("Latent-LED", 0.21), ("persistence", 0.0009)], logX: true, logY: true);

        Assert.True(new FileInfo(path + ".png").Length > 5000);
        Assert.True(File.Exists(path + ".svg"));
        var limits = plot.Axes.GetLimits();
        foreach (double x in rho) Assert.InRange(Math.Log10(x), limits.Left, limits.Right);
        foreach (double y in mnad.Append(0.21).Append(0.0009)) Assert.InRange(Math.Log10(y), limits.Bottom, limits.Top);
        Assert.True(Math.Log10(0.0009) - limits.Bottom > 0.05, "the persistence line sits on the frame");

        var yLabels = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(["10⁻³", "10⁻²", "0.1"], yLabels);
        var xLabels = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(["1", "10", "100"], xLabels);
        Assert.Contains("MNAD (log scale)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void ShortSeriesAreMarkedAndLongOnesAreLines()
    {
        var time = Enumerable.Range(1, 200).Select(i => i * 0.25).ToArray();
        var plot = Plots.Measured(Path.Combine(_dir, "lines"), "t", "t", "y",
            [("few", [1.0, 2.0, 3.0], [1.0, 4.0, 9.0]), ("many", time, time.Select(t => t * t).ToArray())], [], logX: false, logY: false);
        var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal([7f, 0f], scatters.Select(s => s.MarkerSize));
        var limits = plot.Axes.GetLimits();
        Assert.InRange(50 * 50, limits.Bottom, limits.Top);
        Assert.True(limits.Right > 50 && limits.Left < 0.25);
    }
}
