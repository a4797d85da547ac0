using Led.Abstractions.Systems;
using Led.Testing;
using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional.Tests;

public class ConvFastDecoderTests
{
    private static readonly SystemDescription Ks = new(["u"], [64], [22.0], 0.25, Periodic: true);
    private static readonly SystemDescription Fhn = new(["u", "v"], [101], [20.0], 1.0, Periodic: false);

    /// <summary>
    /// The compiled decoder against ConvAutoencoder1D.Decode, parameters moved off their initial values, for the options
    /// that shape the decoder (transpose, padding) and the ones that do not (pooling, batch norm: encoder only), KS
    /// (no crop) and FHN (two channels, 101 points cropped from 128). Float64: to 1e-12; float32: to 2e-6 (outputs in (0, 1)).
    /// </summary>
    [Theory]
    [InlineData(false, ConvPadding.Zeros, PoolingKind.Avg, false, false)]
    [InlineData(true, ConvPadding.Zeros, PoolingKind.Avg, false, false)]
    [InlineData(false, ConvPadding.Circular, PoolingKind.Max, true, false)]
    [InlineData(false, ConvPadding.Zeros, PoolingKind.Avg, false, true)]
    [InlineData(true, ConvPadding.Zeros, PoolingKind.Max, true, true)]
    [InlineData(false, ConvPadding.Circular, PoolingKind.Avg, false, true)]
    public void CompiledDecoder_EqualsTheTensorDecoder_InBothPrecisions(bool transpose, ConvPadding padding, PoolingKind pooling, bool batchNorm, bool fhn)
    {
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            using var scope = NewDisposeScope();
            var system = fhn ? Fhn : Ks;
            var options = new ConvAutoencoder1DOptions
            {
                Transpose = transpose, Padding = padding, Pooling = pooling, BatchNorm = batchNorm,
                Channels = fhn ? [8, 16, 32, 4] : [16, 32, 64, 8], LatentDim = fhn ? 2 : 8,
            };
            using var autoencoder = new ConvAutoencoder1D(options, system, CpuDevice.Seeded(5, dtype));
            autoencoder.Module.eval();
            Perturb(autoencoder.Module);
            double tolerance = dtype == ScalarType.Float64 ? 1e-12 : 2e-6;
            Assert.InRange(CompiledDecoderAssert.LargestDeviation(autoencoder, dtype), 0, tolerance);
        }
    }

    /// <summary>
    /// Modules the options do not build today, compiled from a hand-made layout and checked against the modules run by
    /// TorchSharp: batch norm with running statistics and affine parameters, ELU/ReLU/Tanh/Sigmoid, nearest and
    /// aligned-corner upsampling, 'same' padding, a kernel of 3 and an odd width (the kernel's scalar tail).
    /// </summary>
    [Fact]
    public void CompiledDecoder_FollowsOtherModules_BatchNormActivationsAndUpsamplingModes()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(9);
        var head = new List<nn.Module> { nn.Linear(3, 4 * 7, dtype: ScalarType.Float64), nn.ELU(0.7) };
        var norm = nn.BatchNorm1d(6, dtype: ScalarType.Float64);
        using (no_grad())
        {
            norm.running_mean!.copy_(randn(6, dtype: ScalarType.Float64));
            norm.running_var!.copy_(rand(6, dtype: ScalarType.Float64) + 0.5);
        }
        var body = new List<nn.Module>
        {
            nn.Upsample(scale_factor: [2.0], mode: UpsampleMode.Nearest),
            nn.Conv1d(4, 6, 3, padding: Padding.Same, dtype: ScalarType.Float64),
            norm,
            nn.ReLU(),
            nn.Upsample(scale_factor: [3.0], mode: UpsampleMode.Linear, align_corners: true),
            nn.ConvTranspose1d(6, 5, 5, padding: 1, dtype: ScalarType.Float64),
            nn.Tanh(),
            nn.Conv1d(5, 2, 3, padding: 1, padding_mode: PaddingModes.Circular, dtype: ScalarType.Float64),
            nn.Sigmoid(),
        };
        foreach (var m in head.Concat(body)) m.eval();
        var layout = new ConvDecoderLayout(head, 4, 7, body, 3, 37);
        var decoder = ConvDecoderCompiler.Compile<double>(layout, 3, out var refusal);
        Assert.Null(refusal);

        var z = randn(1, 3, dtype: ScalarType.Float64);
        using (no_grad())
        {
            var h = z;
            foreach (var m in head) h = ((nn.Module<Tensor, Tensor>)m).call(h);
            h = h.reshape(1, 4, 7);
            foreach (var m in body) h = ((nn.Module<Tensor, Tensor>)m).call(h);
            Assert.Equal(new long[] { 1, 2, 44 }, h.shape);     // 7 → 14 → 42 → 44 (transposed, k 5, p 1)
            var expected = Doubles(h.narrow(2, 3, 37));
            var state = new double[2 * 37];
            decoder!.Decode(Doubles(z), state);
            for (int i = 0; i < state.Length; i++) Assert.InRange(Math.Abs(expected[i] - state[i]), 0, 1e-12);
        }
    }

    [Fact]
    public void AModuleItDoesNotKnow_IsRefusedWithItsName()
    {
        using var scope = NewDisposeScope();
        var layout = new ConvDecoderLayout([nn.Linear(2, 8, dtype: ScalarType.Float64)], 2, 4,
            [nn.MaxPool1d(2), nn.Conv1d(2, 1, 3, padding: 1, dtype: ScalarType.Float64)], 0, 2);

        var decoder = ConvDecoderCompiler.Compile<float>(layout, 2, out var refusal);

        Assert.Null(decoder);
        Assert.Contains("MaxPool1d", refusal);
    }

    [Fact]
    public void AStridedConvolution_IsRefused()
    {
        using var scope = NewDisposeScope();
        var layout = new ConvDecoderLayout([nn.Linear(2, 8, dtype: ScalarType.Float64)], 2, 4,
            [nn.Conv1d(2, 1, 3, stride: 2, padding: 1, dtype: ScalarType.Float64)], 0, 2);

        Assert.Null(ConvDecoderCompiler.Compile<double>(layout, 2, out var refusal));
        Assert.Contains("stride", refusal);
    }

    [Fact]
    public void AConvolutionWhoseInputChannelsDoNotFollow_IsRefusedWithTheShapes()
    {
        using var scope = NewDisposeScope();
        var layout = new ConvDecoderLayout([nn.Linear(2, 8, dtype: ScalarType.Float64)], 2, 4,
            [nn.Conv1d(3, 1, 3, padding: 1, dtype: ScalarType.Float64)], 0, 4);

        Assert.Null(ConvDecoderCompiler.Compile<double>(layout, 2, out var refusal));
        Assert.Contains("do not fit [1, 2, 3]", refusal);
    }

    private static void Perturb(nn.Module module)
    {
        using (no_grad())
            foreach (var (_, parameter) in module.named_parameters()) parameter.add_(randn_like(parameter) * 0.05);
    }

    private static double[] Doubles(Tensor t) => t.detach().to(ScalarType.Float64).contiguous().data<double>().ToArray();
}
