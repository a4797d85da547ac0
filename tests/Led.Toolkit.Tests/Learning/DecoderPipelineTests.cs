using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class DecoderPipelineTests
{
    /// <summary>
    /// Each activation against TorchSharp's on 203 values from −range to range (whole vectors and a tail; saturation at
    /// both ends, and beyond the exponential's clamp for range 800), CELU and ELU with α ≠ 1. Float64 to 1e-14; float32 to
    /// 1e-6 (values of order one; the inputs rounded to float).
    /// </summary>
    [Theory]
    [InlineData(DecoderActivation.Identity, 1.0, 30)]
    [InlineData(DecoderActivation.Relu, 1.0, 30)]
    [InlineData(DecoderActivation.Tanh, 1.0, 30)]
    [InlineData(DecoderActivation.Sigmoid, 1.0, 30)]
    [InlineData(DecoderActivation.TanhPlus, 1.0, 30)]
    [InlineData(DecoderActivation.Celu, 1.0, 30)]
    [InlineData(DecoderActivation.Celu, 0.6, 30)]
    [InlineData(DecoderActivation.Elu, 1.7, 30)]
    [InlineData(DecoderActivation.Tanh, 1.0, 800)]
    [InlineData(DecoderActivation.Sigmoid, 1.0, 800)]
    [InlineData(DecoderActivation.TanhPlus, 1.0, 800)]
    [InlineData(DecoderActivation.Celu, 0.6, 800)]
    public void Activation_EqualsTorch(DecoderActivation kind, double alpha, double range)
    {
        using var scope = NewDisposeScope();
        var x = Enumerable.Range(0, 203).Select(i => range * (-1 + 2.0 * i / 202) + 0.01 * Math.Sin(i)).ToArray();
        var input = tensor(x);
        var reference = kind switch
        {
            DecoderActivation.Identity => input,
            DecoderActivation.Relu => nn.functional.relu(input),
            DecoderActivation.Tanh => input.tanh(),
            DecoderActivation.Sigmoid => input.sigmoid(),
            DecoderActivation.TanhPlus => (input.tanh() + 1) / 2,
            DecoderActivation.Celu => nn.functional.celu(input, alpha),
            _ => nn.functional.elu(input, alpha),
        };
        var expected = reference.data<double>().ToArray();

        var wide = new DecoderPipeline<double>(x.Length);
        wide.Activation(kind, alpha);
        var y = new double[x.Length];
        wide.Run(x, y);
        var single = new DecoderPipeline<float>(x.Length);
        single.Activation(kind, alpha);
        var z = new double[x.Length];
        single.Run(x, z);

        for (int i = 0; i < x.Length; i++)
        {
            Assert.InRange(Math.Abs(expected[i] - y[i]), 0, 1e-14 * Math.Max(1, Math.Abs(expected[i])));
            Assert.InRange(Math.Abs(expected[i] - z[i]), 0, 1e-6 * Math.Max(1, Math.Abs(expected[i])));
        }
    }

    [Fact]
    public void ChannelAffine_ScalesAndShiftsEachChannel()
    {
        var pipeline = new DecoderPipeline<double>(6);
        pipeline.ChannelAffine([2.0, -0.5], [1.0, 3.0], plane: 3);
        var y = new double[6];

        pipeline.Run([1, 2, 3, 4, 5, 6], y);

        Assert.Equal([3, 5, 7, 1, 0.5, 0], y);
    }

    [Fact]
    public void Run_RejectsAStateOfAnotherSize()
    {
        var pipeline = new DecoderPipeline<double>(2);
        Assert.Throws<ArgumentException>(() => pipeline.Run([1, 2], new double[3]));
    }
}
