using Led.Studies.Reports;

namespace Led.Studies.Tests.Reports;

/// <summary>
/// The plots of <c>led report</c> for a study like <c>configs/ablations/ks-latent-dim.json</c> (PCA and a convolutional
/// autoencoder, d_z = 1 … 16), from numbers of that size: PCA's reconstruction error falls by three decades, so its point
/// at d_z = 16 is far below the others.
/// </summary>
public sealed class StudyPlotsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-study-plots").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly double[] LatentDims = [1, 2, 4, 8, 16];

    private static (string, IReadOnlyList<(double, double, double, double)>) Series(string label, double[] values) =>
        (label, LatentDims.Select((x, i) => (x, values[i], values[i] * 0.9, values[i] * 1.1)).ToList());

    [Fact]
    public void EveryPointOfALatentDimensionStudyIsInsideTheFrameAndTheLogAxesShowRealValues()
    {
        string path = Path.Combine(_dir, "reconstruction_mse_vs_latentDim");
        var plot = StudyPlots.MetricVsNumber(path, "reconstruction_mse", "latentDim",
            [Series("encoder=Pca", [0.52, 0.31, 0.12, 0.021, 0.00042]), Series("encoder=ConvAutoencoder1D", [0.61, 0.35, 0.2, 0.09, 0.05])]);

        Assert.True(new FileInfo(path + ".png").Length > 5000);
        var limits = plot.Axes.GetLimits();
        double height = limits.Top - limits.Bottom, width = limits.Right - limits.Left;
        // PCA at d_z = 16 with its band: inside, off the frame by at least 5 % of the axis.
        Assert.True(Math.Log10(0.00042 * 0.9) - limits.Bottom > 0.05 * height, $"bottom {limits.Bottom}");
        Assert.True(limits.Top - Math.Log10(0.61 * 1.1) > 0.05 * height, $"top {limits.Top}");
        Assert.True(limits.Right - Math.Log2(16) > 0.05 * width && Math.Log2(1) - limits.Left > 0.05 * width, $"x {limits.Left} … {limits.Right}");

        var x = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
        Assert.Equal(["1", "2", "4", "8", "16"], x.Select(t => t.Label));
        Assert.Equal([0.0, 1, 2, 3, 4], x.Select(t => t.Position));
        var y = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(["10⁻³", "10⁻²", "0.1", "1"], y);
        Assert.Equal("latentDim (log scale)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("reconstruction_mse (log scale)", plot.Axes.Left.Label.Text);

        // Each measured point is marked.
        Assert.All(plot.GetPlottables<ScottPlot.Plottables.Scatter>(), s => Assert.True(s.MarkerSize >= 5));
    }

    [Fact]
    public void OnALinearAxisTheFrameHoldsEveryPointToo()
    {
        var plot = StudyPlots.MetricVsNumber(Path.Combine(_dir, "mnad_vs_latentDim"), "mnad", "latentDim",
            [Series("encoder=Pca", [0.9, 0.6, 0.4, 0.25, 0.2]), Series("encoder=ConvAutoencoder1D", [0.61, 0.35, 0.2, 0.09, 0.05])]);
        var limits = plot.Axes.GetLimits();
        Assert.InRange(0.05 * 0.9, limits.Bottom, limits.Top);
        Assert.InRange(0.9 * 1.1, limits.Bottom, limits.Top);
        Assert.Equal("mnad", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void CategoriesOnALogAxisShowRealValues()
    {
        var plot = StudyPlots.MetricPerCategory(Path.Combine(_dir, "mse_by_encoder"), "reconstruction_mse", "encoder",
            [("Pca", [0.52, 0.31, 0.12, 0.021, 0.00042]), ("ConvAutoencoder1D", [0.61, 0.35, 0.2, 0.09, 0.05])]);
        var limits = plot.Axes.GetLimits();
        Assert.InRange(Math.Log10(0.00042), limits.Bottom + 0.01, limits.Top);
        Assert.InRange(Math.Log10(0.61), limits.Bottom, limits.Top - 0.01);
        Assert.Equal(["10⁻³", "10⁻²", "0.1", "1"], plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label));
    }
}
