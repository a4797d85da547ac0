using Led.Toolkit.Learning;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class BatchShapesTests
{
    [Fact]
    public void StatesOfTheSystemsShapePassAndOthersAreRefusedWithTheExpectedShape()
    {
        using var scope = NewDisposeScope();
        BatchShapes.RequireStates(zeros(3, 2, 5), [2, 5], "X.Encode");

        var error = Assert.Throws<ArgumentException>(() => BatchShapes.RequireStates(zeros(3, 2, 6), [2, 5], "X.Encode"));

        Assert.StartsWith("X.Encode expects states of shape [B, 2, 5] (batch, channels, grid of the system), but got [3, 2, 6]; " +
                          "pass a batch of scaled snapshots laid out [batch, channel, grid…].", error.Message);
        Assert.Throws<ArgumentException>(() => BatchShapes.RequireStates(zeros(2, 5), [2, 5], "X.Encode"));
    }

    [Fact]
    public void LatentsOfAnotherDimensionAreRefused()
    {
        using var scope = NewDisposeScope();
        BatchShapes.RequireLatents(zeros(4, 3), 3, "X.Decode");

        var error = Assert.Throws<ArgumentException>(() => BatchShapes.RequireLatents(zeros(4, 2), 3, "X.Decode"));

        Assert.StartsWith("X.Decode expects latents of shape [B, 3] (batch, d_z), but got [4, 2].", error.Message);
        Assert.Throws<ArgumentException>(() => BatchShapes.RequireLatents(zeros(4, 3, 1), 3, "X.Decode"));
    }
}
