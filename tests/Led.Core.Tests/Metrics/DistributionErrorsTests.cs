using Led.Core.Metrics;

namespace Led.Core.Tests.Metrics;

public class DistributionErrorsTests
{
    [Fact]
    public void IdenticalStatesHaveNoDistributionError()
    {
        var y = Enumerable.Range(0, 2000).Select(i => Math.Sin(i * 0.37)).ToArray();
        var (l1, w1) = DistributionErrors.StateDistribution(y, (double[])y.Clone(), 2);
        Assert.Equal(0, l1, 14);
        Assert.Equal(0, w1, 14);
    }

    [Fact]
    public void AShiftedDistributionHasWassersteinEqualToTheShiftAndDisjointOnesHaveL1OfTwo()
    {
        var y = Enumerable.Range(0, 1000).Select(i => i / 1000.0).ToArray();
        var p = y.Select(v => v + 3).ToArray();
        var (l1, w1) = DistributionErrors.StateDistribution(p, y, 1);
        Assert.Equal(3, w1, 12);
        Assert.Equal(2, l1, 12);                  // disjoint supports: ∫|p − q| = 2
    }

    [Fact]
    public void DerivativeDensityOfASineSitsOnTheEllipseAndMatchesItself()
    {
        const int points = 64;
        double dx = 2 * Math.PI / points;
        var fields = new double[50 * points];
        for (int s = 0; s < 50; s++)
            for (int j = 0; j < points; j++) fields[s * points + j] = Math.Sin(j * dx + 0.1 * s);
        var d = DistributionErrors.DerivativeDensity(fields, (double[])fields.Clone(), points, dx, periodic: true, bins: 40);
        Assert.Equal(0, d.L1, 14);
        Assert.InRange(d.Ux.Hi, 0.99, 1.0);                           // u_x = cos: central differences shrink by sin(dx)/dx
        Assert.InRange(d.Uxx.Lo, -1.0, -0.99);                        // u_xx = −sin
        double total = 0, cell = (d.Ux.Hi - d.Ux.Lo) / 40 * ((d.Uxx.Hi - d.Uxx.Lo) / 40);
        foreach (var v in d.Truth) total += v * cell;
        Assert.Equal(1, total, 12);
    }
}
