using Led.Abstractions.Observables;
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

    [Fact]
    public void APointSetIsScaledPerDimensionOverAllItsPoints()
    {
        // Three points in 2-D, [point, dimension]: x ∈ {0, 2, 4}, y ∈ {−1, 1, 3}.
        var cloud = new PointSetObservable(3, ["x", "y"]);
        var set = new TrajectorySet(1, 1, cloud.Shape, [0, -1, 2, 1, 4, 3]);
        var scaler = MinMaxScaler.Fit(cloud, set);
        Assert.Equal([0.0, -1.0], scaler.Min);
        Assert.Equal([4.0, 3.0], scaler.Max);
        var frame = (double[])set.Values.Clone();
        scaler.Scale(frame, 6);
        Assert.Equal([0, 0, 0.5, 0.5, 1, 1], frame);
    }

    [Fact]
    public void PeriodicCoordinatesAreScaledByTheirBoundsAndOthersByTheData()
    {
        // A dihedral on [−π, π) whose data stay near the cut, and a bond length fitted to the data.
        var vector = new CoordinateObservable([new Coordinate("phi", -Math.PI, Math.PI, Periodic: true), Coordinate.Unbounded("bond")]);
        var set = new TrajectorySet(1, 2, vector.Shape, [3.0, 0.1, -3.0, 0.3]);
        var scaler = MinMaxScaler.Fit(vector, set);
        Assert.Equal([-Math.PI, 0.1], scaler.Min);
        Assert.Equal([Math.PI, 0.3], scaler.Max);
        var frames = (double[])set.Values.Clone();
        scaler.Scale(frames, 2);
        Assert.Equal((3.0 + Math.PI) / (2 * Math.PI), frames[0], 14);
        Assert.Equal(0, frames[1], 14);
        Assert.Equal(1, frames[3], 14);
        scaler.Unscale(frames, 2);
        Assert.Equal(set.Values, frames.Select(v => Math.Round(v, 12)).ToArray());
    }
}
