using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public class ReconstructionWeightsTests
{
    [Fact]
    public void PointsWithinTheRadiusOfTheFieldGetTheWeightAndTheMeanIsOne()
    {
        // Non-zero at 3 (any non-zero value counts, e.g. a mollified edge), radius 1: points 2, 3, 4 weigh 4, the others 1;
        // the mean of [1, 1, 4, 4, 4, 1, 1] is 16/7.
        var weights = ReconstructionWeights.Build([0, 0, 0, 0.25, 0, 0, 0], [7], radius: 1, weight: 4);

        double[] expected = [7 / 16.0, 7 / 16.0, 28 / 16.0, 28 / 16.0, 28 / 16.0, 7 / 16.0, 7 / 16.0];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], weights[i], 1e-15);
        Assert.Equal(1.0, weights.Average(), 1e-15);
    }

    [Fact]
    public void TheNeighbourhoodIsAChebyshevBoxClippedAtTheEdgesWithoutWrapping()
    {
        // Grid 4 × 5 (row-major), one point at (1, 1), radius 1: the 3 × 3 box of rows 0–2 and columns 0–2, diagonals
        // included; and one at (3, 4), the last point: its box is clipped to rows 2–3, columns 3–4, nothing wraps to (0, 0)
        // or to the start of a row. 9 + 4 points of 20 weigh 3: mean (13·3 + 7) / 20 = 2.3.
        var field = new double[20];
        field[1 * 5 + 1] = 1;
        field[3 * 5 + 4] = 1;

        var weights = ReconstructionWeights.Build(field, [4, 5], radius: 1, weight: 3);

        var near = new HashSet<int> { 0, 1, 2, 5, 6, 7, 10, 11, 12, 13, 14, 18, 19 };
        for (int i = 0; i < 20; i++) Assert.Equal(near.Contains(i) ? 3 / 2.3 : 1 / 2.3, weights[i], 1e-15);
    }

    [Fact]
    public void RadiusZeroWeighsTheFieldsSupportOnlyAndAFieldWithoutOneWeighsAllAlike()
    {
        var weights = ReconstructionWeights.Build([0, 1, 1, 0], [2, 2], radius: 0, weight: 3);
        Assert.Equal([0.5, 1.5, 1.5, 0.5], weights);
        Assert.Equal([1.0, 1.0, 1.0], ReconstructionWeights.Build([0, 0, 0], [3], radius: 2, weight: 5));
    }

    [Fact]
    public void AFieldOffTheGridIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ReconstructionWeights.Build([0, 1, 0], [2, 2], 1, 2));
        Assert.StartsWith("the field has 3 values, the grid [2, 2] has 4 points", error.Message);
    }

    [Fact]
    public void TheWeightedSquaredErrorIsTheMeanOfTheWeightedSquares()
    {
        using var scope = NewDisposeScope();
        // [batch 1, channels 2, grid 3]; errors [[1, −2, 0], [0, 1, 3]], squares [[1, 4, 0], [0, 1, 9]], weights [0.5, 2, 0.5]
        // per grid point for both channels: 0.5 + 8 + 0 + 0 + 2 + 4.5 = 15, mean 15 / 6 = 2.5.
        var prediction = tensor(new double[] { 1, 0, 5, 2, 3, 4 }).reshape(1, 2, 3);
        var target = tensor(new double[] { 0, 2, 5, 2, 2, 1 }).reshape(1, 2, 3);
        var weights = tensor(new[] { 0.5, 2, 0.5 });

        Assert.Equal(2.5, ReconstructionWeights.SquaredError(prediction, target, weights).item<double>(), 1e-15);
        Assert.Equal(15, ReconstructionWeights.SquaredError(prediction, target, weights, nn.Reduction.Sum).item<double>(), 1e-15);
    }

    [Fact]
    public void WithoutWeightsItIsThePlainMse()
    {
        using var scope = NewDisposeScope();
        var prediction = rand(4, 2, 5, dtype: ScalarType.Float64);
        var target = rand(4, 2, 5, dtype: ScalarType.Float64);

        Assert.Equal(nn.functional.mse_loss(prediction, target).item<double>(), ReconstructionWeights.SquaredError(prediction, target, null).item<double>());
        Assert.Equal(nn.functional.mse_loss(prediction, target, nn.Reduction.Sum).item<double>(),
            ReconstructionWeights.SquaredError(prediction, target, null, nn.Reduction.Sum).item<double>());
    }
}
