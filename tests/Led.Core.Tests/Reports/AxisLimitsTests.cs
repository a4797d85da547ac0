using Led.Core.Reports;

namespace Led.Core.Tests.Reports;

public sealed class AxisLimitsTests
{
    [Fact]
    public void EveryValueLiesInsideWithAMarginOnEachSide()
    {
        double[] values = [-3.377, -1.68, -0.92, -0.52, -0.28, -0.21, -1.3];
        var (low, high) = AxisLimits.Around(values);
        double span = values.Max() - values.Min();
        Assert.Equal(values.Min() - AxisLimits.Margin * span, low, 12);
        Assert.Equal(values.Max() + AxisLimits.Margin * span, high, 12);
        Assert.All(values, v => Assert.InRange(v, low + 0.07 * span, high - 0.07 * span));
    }

    [Fact]
    public void NonFiniteValuesAreLeftOutAndASingleValueGetsRoom()
    {
        Assert.Equal((1.5, 2.5), AxisLimits.Around([2.0, double.NaN, double.PositiveInfinity]));
        Assert.Equal((-44.0, -36.0), AxisLimits.Around([-40.0, -40.0]));
        Assert.Equal((0.0, 1.0), AxisLimits.Around([double.NaN]));
    }
}
