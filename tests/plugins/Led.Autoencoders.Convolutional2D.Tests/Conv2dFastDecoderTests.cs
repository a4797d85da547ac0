using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Testing;
using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D.Tests;

public class Conv2dFastDecoderTests
{
    // The reduced LED-like cylinder grid of configs/cylinder/re100.json: (p, u_x, u_y, ω) on 64 × 128 cells.
    private static readonly SystemDescription Cylinder = new(["p", "u_x", "u_y", "omega"], [64, 128], [5.0, 10.0], 0.2, Periodic: false);
    // Padded to 24 × 40 (two layers: multiples of 4) and cropped back.
    private static readonly SystemDescription Odd = new(["a", "b", "c"], [21, 37], [1.0, 2.0], 0.1, Periodic: false);

    public static TheoryData<string> Configurations => ["re100", "re100 upsampling", "odd grid, kernels 5 and 3", "circular x, tanh", "circular both, relu, no batch norm"];

    /// <summary>
    /// The compiled decoder against ConvAutoencoder2D.Decode in evaluation mode, every parameter moved off its initial
    /// value and the batch norms given running statistics far from (0, 1): the cylinder's re100 options (d_z 4, channels
    /// [8, 16, 16, 16, 8], kernel 3, batch norm, transposed convolutions), the same with bilinear upsampling, a grid that is
    /// padded and cropped, and circular padding along x or both axes (AxisPad2d before each convolution). Float64: to
    /// 1e-10; float32: to 1e-5 (outputs in (0, 1)).
    /// </summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void CompiledDecoder_EqualsTheTensorDecoder_InBothPrecisions(string configuration)
    {
        var (options, system) = configuration switch
        {
            "re100" => (Re100(transpose: true), Cylinder),
            "re100 upsampling" => (Re100(transpose: false), Cylinder),
            "odd grid, kernels 5 and 3" => (new ConvAutoencoder2DOptions { Channels = [6, 5], Kernels = [5, 3], LatentDim = 3 }, Odd),
            "circular x, tanh" => (new ConvAutoencoder2DOptions { Channels = [4, 8], Kernel = 3, LatentDim = 2, Transpose = false, PaddingX = ConvPadding.Circular, Activation = Activation.Tanh }, Odd),
            _ => (new ConvAutoencoder2DOptions { Channels = [5, 4], Kernel = 3, LatentDim = 2, Transpose = false, Padding = ConvPadding.Circular, Activation = Activation.Relu, BatchNorm = false }, Odd),
        };
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            using var scope = NewDisposeScope();
            using var autoencoder = new ConvAutoencoder2D(options, system, CpuDevice.Seeded(3, dtype));
            TrainedLooking(autoencoder.Module);
            double tolerance = dtype == ScalarType.Float64 ? 1e-10 : 1e-5;
            Assert.InRange(CompiledDecoderAssert.LargestDeviation(autoencoder, dtype), 0, tolerance);
        }
    }

    /// <summary>
    /// Modules the options do not build, compiled from a hand-made layout and checked against the modules run by TorchSharp:
    /// a batch norm with affine parameters, ELU(0.7) and Sigmoid, nearest upsampling by (2, 3), a stride-1 transposed
    /// convolution (3 × 5, padding (1, 2)), a 'same' convolution with a 5 × 3 kernel and an odd-sized crop. Float64 to 1e-12.
    /// </summary>
    [Fact]
    public void CompiledDecoder_FollowsOtherModules()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(4);
        var head = new List<nn.Module> { nn.Linear(3, 4 * 3 * 5, dtype: ScalarType.Float64), nn.ELU(0.7) };
        var norm = nn.BatchNorm2d(6, dtype: ScalarType.Float64);
        var body = new List<nn.Module>
        {
            nn.Upsample(scale_factor: [2.0, 3.0], mode: UpsampleMode.Nearest),
            nn.ConvTranspose2d(4, 6, (3, 5), padding: (1, 2), dtype: ScalarType.Float64),
            norm,
            nn.Sigmoid(),
            nn.Conv2d(6, 2, (5, 3), Padding.Same, dtype: ScalarType.Float64),
        };
        foreach (var m in head.Concat(body)) m.eval();
        TrainedLooking(norm);
        var layout = new Conv2dDecoderLayout(head, 4, 3, 5, body, 1, 5, 2, 11, Resize: false, [new TanhPlus()]);

        var decoder = Conv2dDecoderCompiler.Compile<double>(layout, 3, out var refusal);

        Assert.Null(refusal);
        var z = randn(1, 3, dtype: ScalarType.Float64);
        using (no_grad())
        {
            var h = z;
            foreach (var m in head) h = ((nn.Module<Tensor, Tensor>)m).call(h);
            h = h.reshape(1, 4, 3, 5);
            foreach (var m in body) h = ((nn.Module<Tensor, Tensor>)m).call(h);
            Assert.Equal(new long[] { 1, 2, 6, 15 }, h.shape);
            var expected = Doubles(new TanhPlus().call(h.narrow(2, 1, 5).narrow(3, 2, 11)));
            var state = new double[2 * 5 * 11];
            decoder!.Decode(Doubles(z), state);
            for (int i = 0; i < state.Length; i++) Assert.InRange(Math.Abs(expected[i] - state[i]), 0, 1e-12);
        }
    }

    [Fact]
    public void InputSubsampling_IsRefusedWithALogLine_AndTheTensorPathStays()
    {
        var log = new ListLogger<ConvAutoencoder2D>();
        using var autoencoder = new ConvAutoencoder2D(new ConvAutoencoder2DOptions { Channels = [4, 8], Kernel = 3, InputSubsampling = 2 }, Cylinder,
            CpuDevice.Seeded(1), log);

        Assert.Null(autoencoder.CompileDecoder());
        Assert.Contains(log.Messages, m => m.Contains("bicubic resize", StringComparison.Ordinal) && m.Contains("TorchSharp", StringComparison.Ordinal));
    }

    [Fact]
    public void AModuleItDoesNotKnow_IsRefusedWithItsName()
    {
        using var scope = NewDisposeScope();
        var layout = new Conv2dDecoderLayout([nn.Linear(2, 16, dtype: ScalarType.Float64)], 1, 4, 4,
            [nn.MaxPool2d(2), nn.Conv2d(1, 1, 3, padding: 1, dtype: ScalarType.Float64)], 0, 2, 0, 2, Resize: false, []);

        Assert.Null(Conv2dDecoderCompiler.Compile<float>(layout, 2, out var refusal));
        Assert.Contains("MaxPool2d", refusal);
    }

    [Fact]
    public void AStridedConvolution_IsRefused()
    {
        using var scope = NewDisposeScope();
        var layout = new Conv2dDecoderLayout([nn.Linear(2, 16, dtype: ScalarType.Float64)], 1, 4, 4,
            [nn.Conv2d(1, 1, 3, stride: 2, padding: 1, dtype: ScalarType.Float64)], 0, 2, 0, 2, Resize: false, []);

        Assert.Null(Conv2dDecoderCompiler.Compile<double>(layout, 2, out var refusal));
        Assert.Contains("stride [2, 2]", refusal);
    }

    [Fact]
    public void AConvolutionWhoseInputChannelsDoNotFollow_IsRefused()
    {
        using var scope = NewDisposeScope();
        var layout = new Conv2dDecoderLayout([nn.Linear(2, 16, dtype: ScalarType.Float64)], 1, 4, 4,
            [nn.ConvTranspose2d(3, 1, 3, stride: 2, padding: 1, output_padding: 1, dtype: ScalarType.Float64)], 0, 8, 0, 8, Resize: false, []);

        Assert.Null(Conv2dDecoderCompiler.Compile<double>(layout, 2, out var refusal));
        Assert.Contains("from 1 to 1 channels", refusal);
    }

    private static ConvAutoencoder2DOptions Re100(bool transpose) =>
        new() { LatentDim = 4, Channels = [8, 16, 16, 16, 8], Kernel = 3, BatchNorm = true, Transpose = transpose, Pooling = PoolingKind.Avg };

    /// <summary>Evaluation mode; N(0, 0.05²) added to every parameter; running means N(0, 0.3²), running variances in (0.5, 1.5).</summary>
    private static void TrainedLooking(nn.Module module)
    {
        module.eval();
        using (no_grad())
        {
            foreach (var (_, parameter) in module.named_parameters()) parameter.add_(randn_like(parameter) * 0.05);
            foreach (var (name, buffer) in module.named_buffers())
                if (name.EndsWith("running_mean", StringComparison.Ordinal)) buffer.copy_(randn_like(buffer) * 0.3);
                else if (name.EndsWith("running_var", StringComparison.Ordinal)) buffer.copy_(rand_like(buffer) + 0.5);
        }
    }

    private static double[] Doubles(Tensor t) => t.detach().to(ScalarType.Float64).contiguous().data<double>().ToArray();
}
