using Led.Abstractions.Systems;
using Xunit;

namespace MyMetric.Tests;

/// <summary>Checks of this metric's own formula.</summary>
public sealed class MyMetricTests
{
    /// <summary>A forecast whose mean is 10 % high in one channel and exact in the other scores 0.1 and 0.</summary>
    [Fact]
    public void ATenPercentBiasInOneChannelScoresOneTenth()
    {
        var system = new SystemDescription(["u", "v"], [4], [1.0], 0.1, false);
        double[] truth = [1, 2, 3, 4, 5, 5, 5, 5];
        double[] forecast = [1.25, 2.25, 3.25, 4.25, 5, 5, 5, 5];
        var scores = new MyMetric(new MyMetricOptions()).Evaluate(system, forecast, truth, 1);
        Assert.Equal(0.1, scores["mean_error_u"], 1e-12);
        Assert.Equal(0.0, scores["mean_error_v"]);
    }
}
