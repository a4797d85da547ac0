using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class LossAccumulatorTests
{
    [Fact]
    public void TheMeanIsTheHostSumOfTheSameValuesInTheSameOrder()
    {
        double[] values = [0.1, 1e-17, 3.25, 1e16, -1e16, 2.0 / 3];
        using var accumulator = new LossAccumulator();
        double host = 0;
        foreach (var v in values)
        {
            using var loss = tensor(v, ScalarType.Float64);
            accumulator.Add(loss);
            host += v;
        }
        Assert.Equal(host / values.Length, accumulator.Mean());
    }

    [Fact]
    public void Float32LossesAreSummedInDouble()
    {
        using var accumulator = new LossAccumulator();
        for (int i = 0; i < 3; i++)
        {
            using var loss = tensor(0.1f);
            accumulator.Add(loss);
        }
        Assert.Equal((double)0.1f, accumulator.Mean(), 1e-17);
    }

    [Fact]
    public void WithoutLossesTheMeanIsNaN()
    {
        using var accumulator = new LossAccumulator();
        Assert.True(double.IsNaN(accumulator.Mean()));
    }
}
