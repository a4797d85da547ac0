using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class Conv2dKernelTests
{
    /// <summary>
    /// Against TorchSharp's conv2d on the input padded by pad (zeros or circular per axis, as AxisPad2d does): one and
    /// several channels, channel counts that are and are not multiples of four, kernels 1, 3, 5 and 3×5, odd sizes and
    /// widths below, at and above the vector widths. Float64 to 1e-12; float32 to 2e-6 of Σ|w·x| + |b|.
    /// </summary>
    [Theory]
    [InlineData(1, 1, 5, 7, 3, 3, 1, 1, false, false)]
    [InlineData(3, 5, 6, 19, 5, 5, 2, 2, false, false)]
    [InlineData(4, 8, 9, 33, 1, 1, 0, 0, false, false)]
    [InlineData(2, 6, 7, 40, 3, 5, 1, 2, true, false)]
    [InlineData(5, 3, 8, 16, 3, 3, 1, 1, false, true)]
    [InlineData(16, 4, 4, 8, 3, 3, 1, 1, true, true)]
    [InlineData(3, 7, 5, 70, 5, 3, 0, 1, false, false)]
    public void Convolution_EqualsTorchConv2d(int cin, int cout, int height, int width, int kh, int kw, int padY, int padX, bool circularY, bool circularX)
    {
        using var scope = NewDisposeScope();
        var (input, weight, bias) = Random(cin, cout, height, width, [cout, cin, kh, kw], seed: cin * 100 + width);
        Tensor Reference(Tensor x, Tensor w, Tensor b)
        {
            var alongX = nn.functional.pad(x, [padX, padX, 0, 0], circularX ? PaddingModes.Circular : PaddingModes.Constant);
            var padded = nn.functional.pad(alongX, [0, 0, padY, padY], circularY ? PaddingModes.Circular : PaddingModes.Constant);
            return nn.functional.conv2d(padded, w, b);
        }
        Compare(input, weight, bias, Reference, (w, b) => Conv2dKernel<double>.Convolution(cin, height, width, kh, kw, w, b, (padY, padY, padX, padX), circularY, circularX),
            (w, b) => Conv2dKernel<float>.Convolution(cin, height, width, kh, kw, w, b, (padY, padY, padX, padX), circularY, circularX));
    }

    /// <summary>
    /// Against TorchSharp's conv_transpose2d with stride 2: kernels 1, 3, 5 and 3×5, paddings 0–2, output padding 0 and 1
    /// per axis (odd and even output sizes), the cylinder decoder's first layer (8 → 16 at 2 × 4). Tolerances as above.
    /// </summary>
    [Theory]
    [InlineData(1, 1, 3, 4, 3, 3, 1, 1, 1, 1)]
    [InlineData(3, 5, 5, 7, 5, 5, 2, 2, 1, 1)]
    [InlineData(2, 6, 4, 9, 3, 3, 1, 1, 0, 0)]
    [InlineData(4, 4, 2, 4, 1, 1, 0, 0, 1, 1)]
    [InlineData(8, 16, 2, 4, 3, 3, 1, 1, 1, 1)]
    [InlineData(5, 3, 6, 17, 5, 5, 1, 0, 0, 1)]
    [InlineData(3, 9, 3, 20, 3, 5, 0, 2, 1, 0)]
    public void Transposed_EqualsTorchConvTranspose2d(int cin, int cout, int height, int width, int kh, int kw, int padY, int padX, int outPadY, int outPadX)
    {
        using var scope = NewDisposeScope();
        var (input, weight, bias) = Random(cin, cout, height, width, [cin, cout, kh, kw], seed: cin * 100 + width + 7);
        Compare(input, weight, bias,
            (x, w, b) => nn.functional.conv_transpose2d(x, w, b, strides: [2, 2], padding: [padY, padX], output_padding: [outPadY, outPadX]),
            (w, b) => Conv2dKernel<double>.Transposed(cin, height, width, kh, kw, w, b, padY, padX, outPadY, outPadX),
            (w, b) => Conv2dKernel<float>.Transposed(cin, height, width, kh, kw, w, b, padY, padX, outPadY, outPadX));
    }

    [Fact]
    public void Transposed_RejectsAnOutputPaddingOfTwo() =>
        Assert.Throws<ArgumentException>(() => Conv2dKernel<double>.Transposed(1, 3, 3, 3, 3, new double[9], new double[1], 1, 1, 2, 1));

    [Fact]
    public void Convolution_RejectsWeightsOfAnotherShape() =>
        Assert.Throws<ArgumentException>(() => Conv2dKernel<double>.Convolution(2, 4, 4, 3, 3, new double[17], new double[1], (1, 1, 1, 1)));

    [Fact]
    public void Convolution_RejectsACircularPaddingWiderThanTheInput() =>
        Assert.Throws<ArgumentException>(() => Conv2dKernel<double>.Convolution(1, 4, 2, 1, 7, new double[7], new double[1], (0, 0, 3, 3), circularX: true));

    private static void Compare(Tensor input, Tensor weight, Tensor bias, Func<Tensor, Tensor, Tensor, Tensor> reference,
        Func<double[], double[], Conv2dKernel<double>> wide, Func<double[], double[], Conv2dKernel<float>> single)
    {
        var expected = Values(reference(input, weight, bias));
        var scale = Values(reference(input.abs(), weight.abs(), bias.abs()));
        var (w, b, x) = (Values(weight), Values(bias), Values(input));

        var kernel = wide(w, b);
        var y = new double[expected.Length];
        kernel.Apply(x, y);
        kernel.Apply(x, y);     // a second call sees the same source buffer state
        var narrow = single(w, b);
        var z = new float[expected.Length];
        narrow.Apply(x.Select(v => (float)v).ToArray(), z);

        Assert.Equal(expected.Length, kernel.OutChannels * kernel.OutHeight * kernel.OutWidth);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.InRange(Math.Abs(expected[i] - y[i]), 0, 1e-12);
            Assert.InRange(Math.Abs(expected[i] - z[i]), 0, 2e-6 * scale[i]);
        }
    }

    private static (Tensor Input, Tensor Weight, Tensor Bias) Random(int cin, int cout, int height, int width, long[] weightShape, int seed)
    {
        using var generator = new Generator((ulong)seed);
        var input = rand([1, cin, height, width], ScalarType.Float64, generator: generator) * 2 - 1;
        var weight = rand(weightShape, ScalarType.Float64, generator: generator) - 0.5;
        var bias = rand([cout], ScalarType.Float64, generator: generator) - 0.5;
        return (input, weight, bias);
    }

    private static double[] Values(Tensor t) => t.detach().to(ScalarType.Float64).contiguous().data<double>().ToArray();
}
