using Led.Toolkit.Learning;

namespace Led.Toolkit.Tests.Learning;

public class Conv1dKernelTests
{
    /// <summary>
    /// Against the definition y[o, x] = b[o] + Σ w[o, ci, j]·p[ci, x + j], summed in double: widths below, at and above the
    /// vector widths (the scalar tail), one to three channel blocks. Float64 to 1e-12, float32 to 1e-5.
    /// </summary>
    [Theory]
    [InlineData(1, 4, 3, 5)]
    [InlineData(3, 8, 5, 12)]
    [InlineData(5, 12, 5, 21)]
    [InlineData(7, 2, 1, 70)]
    public void Convolve_EqualsTheDefinition(int cin, int rows, int kernel, int paddedWidth)
    {
        var random = new Random(3);
        int outWidth = paddedWidth - kernel + 1;
        var input = Enumerable.Range(0, cin * paddedWidth).Select(_ => random.NextDouble() - 0.5).ToArray();
        var weights = Enumerable.Range(0, Conv1dKernel.PaddedRows(rows) * cin * kernel).Select(_ => random.NextDouble() - 0.5).ToArray();
        var bias = Enumerable.Range(0, Conv1dKernel.PaddedRows(rows)).Select(_ => random.NextDouble()).ToArray();
        var expected = new double[bias.Length * outWidth];
        for (int o = 0; o < bias.Length; o++)
            for (int x = 0; x < outWidth; x++)
            {
                double sum = bias[o];
                for (int ci = 0; ci < cin; ci++)
                    for (int j = 0; j < kernel; j++) sum += weights[(o * cin + ci) * kernel + j] * input[ci * paddedWidth + x + j];
                expected[o * outWidth + x] = sum;
            }

        var y = new double[expected.Length];
        Conv1dKernel.Convolve<double>(input, cin, paddedWidth, weights, bias, kernel, y);
        var single = new float[expected.Length];
        Conv1dKernel.Convolve<float>(input.Select(v => (float)v).ToArray(), cin, paddedWidth, weights.Select(v => (float)v).ToArray(),
            bias.Select(v => (float)v).ToArray(), kernel, single);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.InRange(Math.Abs(expected[i] - y[i]), 0, 1e-12);
            Assert.InRange(Math.Abs(expected[i] - single[i]), 0, 1e-5);
        }
    }

    [Fact]
    public void Convolve_RejectsABiasThatIsNotWholeBlocks() =>
        Assert.Throws<ArgumentException>(() => Conv1dKernel.Convolve<double>(new double[10], 1, 10, new double[9], new double[3], 3, new double[24]));
}
