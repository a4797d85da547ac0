using Led.Abstractions.Observables;
using Led.Core.Metrics;

namespace Led.Core.Tests.Metrics;

public class EnsembleDistributionErrorsTests
{
    [Fact]
    public void APointSetIsScoredPerDimensionPooledOverMembers()
    {
        // Two points in 1-D, one step, one IC: truth {0, 1}; two members, {0.5, 1.5} and {0.5, 1.5}: W1 = 0.5.
        var line = new PointSetObservable(2, ["x"]);
        var series = EnsembleDistributionErrors.Compute(line, [0.5, 1.5, 1.5, 0.5], [0, 1], 1, 2, 1);
        Assert.Equal(["wasserstein", "histogram_l1", "wasserstein_x", "histogram_l1_x"], series.Select(s => s.Name));
        Assert.Equal(0.5, series[0].Values[0, 0], 14);
        Assert.Equal(0.5, series[2].Values[0, 0], 14);
        // The members' order and the points' order do not matter: the same cloud as the truth scores zero.
        var exact = EnsembleDistributionErrors.Compute(line, [1.0, 0.0, 0.0, 1.0], [0, 1], 1, 2, 1);
        Assert.Equal(0, exact[0].Values[0, 0], 14);
        Assert.Equal(0, exact[1].Values[0, 0], 14);
    }

    [Fact]
    public void PeriodicCoordinatesAreComparedAfterWrappingIntoTheirBounds()
    {
        // A prediction of 3π/2 on [−π, π) is the angle −π/2: no error against a truth of −π/2.
        var angle = new CoordinateObservable([new Coordinate("phi", -Math.PI, Math.PI, Periodic: true)]);
        var series = EnsembleDistributionErrors.Compute(angle, [1.5 * Math.PI], [-0.5 * Math.PI], 1, 1, 1);
        Assert.Equal(0, series[0].Values[0, 0], 12);
        var shifted = EnsembleDistributionErrors.Compute(angle, [0.0], [-0.5 * Math.PI], 1, 1, 1);
        Assert.Equal(0.5 * Math.PI, shifted[0].Values[0, 0], 12);
    }
}
