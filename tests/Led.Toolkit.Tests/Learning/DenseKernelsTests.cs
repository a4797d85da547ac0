using Led.Toolkit.Learning;

namespace Led.Toolkit.Tests.Learning;

public class DenseKernelsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(4, 8)]
    [InlineData(7, 13)]
    [InlineData(9, 33)]
    [InlineData(17, 61)]
    public void MatVecInDoubleEqualsTheNaiveLoopForAnySize(int rows, int cols)
    {
        var (weights, bias, x) = Random(rows, cols, seed: rows * 100 + cols);
        var y = new double[rows];

        DenseKernels.MatVec<double>(weights, bias, x, y);

        var expected = Naive(weights, bias, x, rows, cols);
        for (int r = 0; r < rows; r++) Assert.Equal(expected[r], y[r], 1e-12);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(11, 19)]
    [InlineData(16, 40)]
    public void MatVecInSingleEqualsTheNaiveLoopToSinglePrecision(int rows, int cols)
    {
        var (weights, bias, x) = Random(rows, cols, seed: rows + cols);
        var y = new float[rows];

        DenseKernels.MatVec<float>(weights.Select(v => (float)v).ToArray(), bias.Select(v => (float)v).ToArray(), x.Select(v => (float)v).ToArray(), y);

        var expected = Naive(weights, bias, x, rows, cols);
        for (int r = 0; r < rows; r++) Assert.Equal(expected[r], y[r], 1e-5);
    }

    [Fact]
    public void MatVecWithoutInputsIsTheBias()
    {
        var y = new double[3];
        DenseKernels.MatVec<double>([], [1.5, -2, 0.25], [], y);
        Assert.Equal([1.5, -2, 0.25], y);
    }

    [Fact]
    public void MatVecRefusesWeightsOrBiasThatDoNotFit()
    {
        var y = new double[2];
        var wrongWeights = Assert.Throws<ArgumentException>(() => DenseKernels.MatVec<double>(new double[5], new double[2], new double[3], y));
        Assert.Contains("weights [5] and bias [2] do not fit y [2] = W x [3]", wrongWeights.Message);
        Assert.Throws<ArgumentException>(() => DenseKernels.MatVec<double>(new double[6], new double[3], new double[3], y));
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
