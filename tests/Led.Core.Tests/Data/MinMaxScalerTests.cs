using Led.Core.Data;

namespace Led.Core.Tests.Data;

public class MinMaxScalerTests
{
    [Fact]
    public void FitsPerChannelAndRoundTrips()
    {
        var set = new TrajectorySet(1, 2, [2, 3], [0, 1, 2, -5, 5, 0, /* t=1 */ 4, 1, 2, -1, 1, 0]);
        var scaler = MinMaxScaler.Fit(set);
        Assert.Equal([0.0, -5.0], scaler.Min);
        Assert.Equal([4.0, 5.0], scaler.Max);
        var frames = (double[])set.Values.Clone();
        scaler.Scale(frames, 6);
        Assert.Equal([0, 0.25, 0.5, 0, 1, 0.5, 1, 0.25, 0.5, 0.4, 0.6, 0.5], frames);
        scaler.Unscale(frames, 6);
        Assert.Equal(set.Values, frames);
    }

    [Fact]
    public void NonFiniteDataAndDegenerateRangesAreRefused()
    {
        var diverged = new TrajectorySet(1, 1, [1, 2], [0, double.NaN]);
        Assert.Contains("diverged", Assert.Throws<InvalidDataException>(() => MinMaxScaler.Fit(diverged)).Message);
        Assert.Contains("larger than min", Assert.Throws<ArgumentException>(() => new MinMaxScaler([1], [1])).Message);
    }
}
