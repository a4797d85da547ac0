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
}
