using Led.Abstractions.Observables;
using Led.Core.Reports;

namespace Led.Core.Tests.Reports;

public sealed class MarginalPlotsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-marginals").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void APointSetGetsDensitiesAgainstTimePerDimensionAndCloudSnapshotsAtTheLeadsAsked()
    {
        // 2 ICs × 3 members × 6 steps × 50 points in 2-D; y is constant, so only x has a density to draw.
        var points = new PointSetObservable(50, ["x", "y"]);
        var random = new Random(4);
        var predictions = Enumerable.Range(0, 2 * 3 * 6 * 100).Select(i => i % 2 == 0 ? random.NextDouble() : 0.5).ToArray();
        var targets = Enumerable.Range(0, 2 * 6 * 100).Select(i => i % 2 == 0 ? random.NextDouble() : 0.5).ToArray();
        MarginalPlots.WriteAgainstTime(_dir, points, predictions, targets, 2, 3, 6, 10, 0.5);
        MarginalPlots.WriteSnapshots(_dir, points, predictions, targets, 3, 6, [1, 3, 6, 9], 0.5);

        var written = Directory.GetFiles(_dir, "*.png").Select(f => Path.GetFileName(f)!).Order().ToArray();
        Assert.Equal(["cloud_t1.png", "cloud_t3.png", "cloud_t6.png", "marginal_x_vs_time_forecast.png", "marginal_x_vs_time_truth.png"], written);
    }
}
