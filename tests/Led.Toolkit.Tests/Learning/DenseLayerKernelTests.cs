using Led.Toolkit.Learning;

namespace Led.Toolkit.Tests.Learning;

public class DenseLayerKernelTests
{
    /// <summary>Sizes around every block boundary: 1–4 vectors left after the blocks of four, for 8- and 16-wide vectors, and one value at a time.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(8, 2)]
    [InlineData(17, 7)]
    [InlineData(33, 100)]
    [InlineData(100, 2)]
    [InlineData(100, 100)]
    [InlineData(202, 100)]
    [InlineData(64, 65)]
    public void EqualsTheNaiveLoopInDoubleToRoundOff(int outputs, int inputs)
    {
        var (weights, bias, x) = Random(outputs, inputs, seed: outputs * 1000 + inputs);
        var y = new double[outputs];

        new DenseLayerKernel<double>(inputs, outputs, weights, bias).Apply(x, y);

        var expected = Naive(weights, bias, x, outputs, inputs);
        for (int r = 0; r < outputs; r++) Assert.Equal(expected[r], y[r], 1e-13);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(100, 100)]
    [InlineData(202, 100)]
    [InlineData(49, 31)]
    public void EqualsTheNaiveLoopInSingleToSinglePrecision(int outputs, int inputs)
    {
        var (weights, bias, x) = Random(outputs, inputs, seed: outputs + inputs);
        var y = new float[outputs];

        new DenseLayerKernel<float>(inputs, outputs, weights, bias).Apply(x.Select(v => (float)v).ToArray(), y);

        var expected = Naive(weights, bias, x, outputs, inputs);
        for (int r = 0; r < outputs; r++) Assert.Equal(expected[r], y[r], 2e-5);
    }

    [Fact]
    public void RepeatedCallsGiveTheSameResult()
    {
        var (weights, bias, x) = Random(37, 11, seed: 4);
        var kernel = new DenseLayerKernel<double>(11, 37, weights, bias);
        double[] first = new double[37], second = new double[37];
        kernel.Apply(x, first);
        kernel.Apply(x, second);
        Assert.Equal(first, second);
    }

    [Fact]
    public void WithoutInputsTheOutputIsTheBias()
    {
        var y = new double[3];
        new DenseLayerKernel<double>(0, 3, [], [1.5, -2, 0.25]).Apply([], y);
        Assert.Equal([1.5, -2, 0.25], y);
    }

    [Fact]
    public void RefusesWeightsOrSpansThatDoNotFit()
    {
        var wrong = Assert.Throws<ArgumentException>(() => new DenseLayerKernel<double>(3, 2, new double[5], new double[2]));
        Assert.Contains("a dense layer of 2 outputs on 3 inputs needs weights [2, 3] and a bias [2], got [5] and [2]", wrong.Message);
        var kernel = new DenseLayerKernel<double>(3, 2, new double[6], new double[2]);
        var span = Assert.Throws<ArgumentException>(() => kernel.Apply(new double[4], new double[2]));
        Assert.Contains("maps 3 inputs to 2 outputs, got 4 and 2", span.Message);
    }

    private static (double[] Weights, double[] Bias, double[] X) Random(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        double Next() => random.NextDouble() * 2 - 1;
        return (Enumerable.Range(0, rows * cols).Select(_ => Next()).ToArray(), Enumerable.Range(0, rows).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, cols).Select(_ => Next()).ToArray());
    }

    private static double[] Naive(double[] weights, double[] bias, double[] x, int rows, int cols)
    {
        var y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = bias[r];
            for (int c = 0; c < cols; c++) sum += weights[r * cols + c] * x[c];
            y[r] = sum;
        }
        return y;
    }
}
