using Led.Core.Metrics;

namespace Led.Core.Tests.Metrics;

public class ForecastErrorsTests
{
    [Fact]
    public void MetricsMatchHandComputedValues()
    {
        // 1 IC, 2 steps, 2 channels × 2 points; targets and predictions in physical units
        double[] targets = [0, 2, 10, 14, /* t=1 */ 1, 1, 12, 12];
        double[] predictions = [1, 2, 10, 10, /* t=1 */ 1, 1, 12, 12];
        var e = ForecastErrors.Compute(predictions, targets, 1, 2, ["u", "v"], [2.0, 4.0]);

        Assert.Equal((1 + 0 + 0 + 16) / 4.0, e["mse"].Values[0, 0], 14);
        Assert.Equal((1 + 4) / 4.0 / 14.0, e["mnad"].Values[0, 0], 14);                 // snapshot range 14 − 0
        Assert.Equal(Math.Sqrt((1 / 4.0 + 16 / 16.0) / 4), e["nrmse"].Values[0, 0], 14);
        Assert.Equal(0.5 / 2.0, e["mnad_u"].Values[0, 0], 14);                             // u range over all targets: 2 − 0
        Assert.Equal(2.0 / 4.0, e["mnad_v"].Values[0, 0], 14);                             // v range: 14 − 10
        Assert.Equal(0.0, e["mse"].Values[0, 1]);
        Assert.Equal(1.0, e["correlation"].Values[0, 1], 14);
        Assert.Equal((17 / 4.0) / 2, e["mse"].Mean(), 14);
        Assert.Equal(17 / 4.0, e["mse"].Mean(1), 14);
    }

    [Fact]
    public void OverTimeGivesMeanMinAndMaxAcrossInitialConditions()
    {
        var s = new ErrorSeries("x", 3, 1);
        (s.Values[0, 0], s.Values[1, 0], s.Values[2, 0]) = (1, 2, 6);
        var (mean, min, max) = s.OverTime();
        Assert.Equal([3.0], mean);
        Assert.Equal([1.0], min);
        Assert.Equal([6.0], max);
    }
}
