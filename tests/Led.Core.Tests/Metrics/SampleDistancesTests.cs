using Led.Core.Metrics;

namespace Led.Core.Tests.Metrics;

public class SampleDistancesTests
{
    [Fact]
    public void WassersteinOfSamplesOfDifferentSizesIsTheAreaBetweenTheirDistributionFunctions()
    {
        // A point mass at 0 against {1, 3}: W1 = ½·1 + ½·3 = 2.
        Assert.Equal(2, SampleDistances.Wasserstein([0.0], [1.0, 3.0]), 14);
        // {0, 1} against {0, 0, 1, 1}: the same distribution.
        Assert.Equal(0, SampleDistances.Wasserstein([0.0, 1.0], [1.0, 0.0, 1.0, 0.0]), 14);
        // A shift moves W1 by the shift.
        Assert.Equal(0.25, SampleDistances.Wasserstein([0.25, 1.25, 2.25], [0.0, 1.0, 2.0]), 14);
    }

    [Fact]
    public void HistogramL1IsZeroForEqualSamplesAndTwoForDisjointOnes()
    {
        double[] a = [0.1, 0.2, 0.3, 0.4];
        Assert.Equal(0, SampleDistances.HistogramL1(a, a), 14);
        Assert.Equal(2, SampleDistances.HistogramL1([5.0, 5.1], a), 14);
        Assert.Equal(0, SampleDistances.HistogramL1([1.0, 1.0], [1.0]), 14);   // one value: no spread, no error
    }
}
