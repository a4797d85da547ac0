using Led.Toolkit.Learning;
using Led.Testing;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional.Tests;

public class ConvAutoencoder1DTests
{
    private static readonly SystemDescription Ks = new(["u"], [64], [22.0], 0.25, Periodic: true);
    private static readonly SystemDescription Fhn = new(["u", "v"], [101], [20.0], 1.0, Periodic: false);

    [Fact]
    public void DisposingReleasesTheNetworkAndForbidsFurtherUse()
    {
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Fhn, CpuDevice.Seeded(2));
        DisposalAssert.ReleasesItsModule(autoencoder, a => a.Encode(zeros(1, 2, 101, dtype: ScalarType.Float64)));
    }

    [Fact]
    public void KsConfiguration_EncodesToLatentDimAndDecodesToTheStateShape()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, CpuDevice.Seeded(1));
        var states = rand(5, 1, 64, dtype: ScalarType.Float64);

        var latents = autoencoder.Encode(states);
        var decoded = autoencoder.Decode(latents);

        Assert.Equal(8, autoencoder.LatentDim);
        Assert.Equal(new long[] { 5, 8 }, latents.shape);
        Assert.Equal(new long[] { 5, 1, 64 }, decoded.shape);
        Assert.Equal(64, autoencoder.PaddedWidth);
        Assert.Equal(0, autoencoder.PaddingLeft);
        Assert.Equal(0, autoencoder.PaddingRight);
        Assert.Equal(ScalarType.Float64, decoded.dtype);
        // CELU output of the encoder is > −1.
        Assert.True(latents.min().item<double>() > -1.0);
    }

    [Fact]
    public void FhnWidth101_IsPaddedTo128As13LeftAnd14Right_AndCroppedBack()
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder1DOptions { Channels = [8, 16, 32, 4], LatentDim = 2 };
        var autoencoder = new ConvAutoencoder1D(options, Fhn, CpuDevice.Seeded(2));

        Assert.Equal(128, autoencoder.PaddedWidth);
        Assert.Equal(13, autoencoder.PaddingLeft);
        Assert.Equal(14, autoencoder.PaddingRight);

        var states = rand(3, 2, 101, dtype: ScalarType.Float64);
        var latents = autoencoder.Encode(states);
        Assert.Equal(new long[] { 3, 2 }, latents.shape);
        Assert.Equal(new long[] { 3, 2, 101 }, autoencoder.Decode(latents).shape);

        // Bottleneck: 4 channels × 128/16 = 32 values, as in the reference.
        var parameters = Parameters(autoencoder);
        Assert.Equal(new long[] { 2, 32 }, parameters["encoder_linear.weight"].shape);
        Assert.Equal(new long[] { 32, 2 }, parameters["decoder_linear.weight"].shape);
    }

    [Fact]
    public void KsConfiguration_HasTheHandCountedNumberOfParameters()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, CpuDevice.Seeded(3));

        // Encoder convolutions (out·in·k + out): 1→16: 80+16 = 96; 16→32: 2560+32 = 2592; 32→64: 10240+64 = 10304;
        // 64→8: 2560+8 = 2568 (sum 15560). Bottleneck 8 channels × 64/16 = 32: Linear(32→8) 256+8 = 264.
        // Decoder: Linear(8→32) 256+32 = 288; convolutions 8→64: 2560+64 = 2624; 64→32: 10240+32 = 10272;
        // 32→16: 2560+16 = 2576; 16→1: 80+1 = 81 (sum 15553). Total 15560 + 264 + 288 + 15553 = 31665.
        long count = autoencoder.Module.parameters().Sum(p => p.numel());
        Assert.Equal(31665, count);

        var shapes = autoencoder.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(new long[] { 16, 1, 5 }, shapes["encoder_layers.0.conv.weight"]);
        Assert.Equal(new long[] { 8, 64, 5 }, shapes["encoder_layers.3.conv.weight"]);
        Assert.Equal(new long[] { 64, 8, 5 }, shapes["decoder_layers.0.conv.weight"]);
        Assert.Equal(new long[] { 1, 16, 5 }, shapes["decoder_layers.3.conv.weight"]);
        Assert.Equal(20, shapes.Count);
    }

    [Fact]
    public void Transpose_UsesConvTranspose1dWeightsInTheDecoder()
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder1DOptions { Transpose = true };
        var autoencoder = new ConvAutoencoder1D(options, Ks, CpuDevice.Seeded(4));
        var shapes = autoencoder.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        // ConvTranspose1d weights are [in, out, k].
        Assert.Equal(new long[] { 8, 64, 5 }, shapes["decoder_layers.0.conv.weight"]);
        Assert.Equal(new long[] { 16, 1, 5 }, shapes["decoder_layers.3.conv.weight"]);
        Assert.Equal(31665, autoencoder.Module.parameters().Sum(p => p.numel()));
        Assert.Equal(new long[] { 2, 1, 64 }, autoencoder.Decode(autoencoder.Encode(rand(2, 1, 64, dtype: ScalarType.Float64))).shape);
    }

    [Fact]
    public void DecodedValues_LieStrictlyInsideZeroOne()
    {
        using var scope = NewDisposeScope();
        AutoencoderAssert.DecodesInsideUnitInterval(new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, CpuDevice.Seeded(5)), rand(16, 1, 64, dtype: ScalarType.Float64));
    }

    [Fact]
    public void Initialisation_BiasesAre0001_AndWeightsAreXavierUniform()
    {
        using var scope = NewDisposeScope();
        Assert.Equal((10, 10), AutoencoderAssert.ReferenceInitialisation(new ConvAutoencoder1D(new ConvAutoencoder1DOptions { Transpose = true }, Fhn, CpuDevice.Seeded(6)).Module));
    }

    [Theory]
    [InlineData(false, false, PoolingKind.Avg, 1, false)]
    [InlineData(true, false, PoolingKind.Avg, 2, false)]
    [InlineData(false, true, PoolingKind.Max, 2, false)]
    [InlineData(true, true, PoolingKind.Avg, 1, false)]
    [InlineData(false, false, PoolingKind.Avg, 1, true)]
    [InlineData(true, false, PoolingKind.Max, 2, true)]
    public void Forward_AgreesWithTheSpecificationWrittenOutByHand(bool batchNorm, bool transpose, PoolingKind pooling, int channels, bool circular)
    {
        using var scope = NewDisposeScope();
        var system = channels == 1 ? Ks : Fhn;
        var options = new ConvAutoencoder1DOptions
        {
            BatchNorm = batchNorm, Transpose = transpose, Pooling = pooling, LatentDim = 5,
            Padding = circular ? ConvPadding.Circular : ConvPadding.Zeros,
        };
        AssertMatchesTheHandWrittenNetwork(options, system);
    }

    [Theory]
    [InlineData(Activation.Relu, false, false)]
    [InlineData(Activation.Tanh, true, false)]
    [InlineData(Activation.Elu, false, true)]
    [InlineData(Activation.Selu, false, false)]
    [InlineData(Activation.Gelu, true, false)]
    [InlineData(Activation.Silu, false, true)]
    public void PerLayerKernelsAndTheActivation_BuildTheHandWrittenNetwork(Activation activation, bool transpose, bool circular)
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder1DOptions
        {
            Channels = [4, 6, 3], Kernels = [7, 3, 5], Activation = activation, Transpose = transpose, LatentDim = 5,
            Padding = circular ? ConvPadding.Circular : ConvPadding.Zeros,
        };
        var p = AssertMatchesTheHandWrittenNetwork(options, Fhn);

        Assert.Equal([4L, 2, 7], p["encoder_layers.0.conv.weight"].shape);
        Assert.Equal([6L, 4, 3], p["encoder_layers.1.conv.weight"].shape);
        Assert.Equal([3L, 6, 5], p["encoder_layers.2.conv.weight"].shape);
        long[] first = transpose ? [3, 6, 5] : [6, 3, 5], last = transpose ? [4, 2, 7] : [2, 4, 7];
        Assert.Equal(first, p["decoder_layers.0.conv.weight"].shape);
        Assert.Equal(last, p["decoder_layers.2.conv.weight"].shape);
        Assert.Equal([5L, 3 * 16], p["encoder_linear.weight"].shape);
    }

    [Fact]
    public void CircularPaddingWiderThanADeepLayer_IsRefusedByCheckShapes()
    {
        var options = new ConvAutoencoder1DOptions { Channels = [4, 4, 4, 4], Kernels = [3, 3, 3, 21], Padding = ConvPadding.Circular };

        var error = Assert.Throws<ArgumentException>(() => options.CheckShapes(Ks, null));

        Assert.Contains("layer 3 pads 10 values circularly, more than the 8", error.Message);
        Assert.Contains("kernel of at most 17", error.Message);
        options.Padding = ConvPadding.Zeros;
        options.CheckShapes(Ks, null);
    }

    [Fact]
    public void TheDefaultOptions_KeepTheParameterNamesAndShapes()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, CpuDevice.Seeded(1));
        var shapes = Parameters(autoencoder).ToDictionary(p => p.Key, p => string.Join("x", p.Value.shape));
        Assert.Equal(new Dictionary<string, string>
        {
            ["encoder_layers.0.conv.weight"] = "16x1x5", ["encoder_layers.0.conv.bias"] = "16",
            ["encoder_layers.1.conv.weight"] = "32x16x5", ["encoder_layers.1.conv.bias"] = "32",
            ["encoder_layers.2.conv.weight"] = "64x32x5", ["encoder_layers.2.conv.bias"] = "64",
            ["encoder_layers.3.conv.weight"] = "8x64x5", ["encoder_layers.3.conv.bias"] = "8",
            ["encoder_linear.weight"] = "8x32", ["encoder_linear.bias"] = "8",
            ["decoder_linear.weight"] = "32x8", ["decoder_linear.bias"] = "32",
            ["decoder_layers.0.conv.weight"] = "64x8x5", ["decoder_layers.0.conv.bias"] = "64",
            ["decoder_layers.1.conv.weight"] = "32x64x5", ["decoder_layers.1.conv.bias"] = "32",
            ["decoder_layers.2.conv.weight"] = "16x32x5", ["decoder_layers.2.conv.bias"] = "16",
            ["decoder_layers.3.conv.weight"] = "1x16x5", ["decoder_layers.3.conv.bias"] = "1",
        }, shapes);
    }

    private static Dictionary<string, Tensor> AssertMatchesTheHandWrittenNetwork(ConvAutoencoder1DOptions options, SystemDescription system)
    {
        var autoencoder = new ConvAutoencoder1D(options, system, CpuDevice.Seeded(7));
        var states = rand(4, system.Channels.Count, system.Grid[0], dtype: ScalarType.Float64);
        var p = Parameters(autoencoder);

        var latents = autoencoder.Encode(states);
        var expectedLatents = ReferenceEncode(states, p, options, autoencoder.PaddingLeft, autoencoder.PaddingRight);
        AssertClose(expectedLatents, latents, 1e-12);

        var decoded = autoencoder.Decode(latents);
        var expectedDecoded = ReferenceDecode(latents, p, options, autoencoder.PaddedWidth, autoencoder.PaddingLeft, system.Grid[0]);
        AssertClose(expectedDecoded, decoded, 1e-12);

        // The module's own forward is the reconstruction.
        var module = (nn.Module<Tensor, Tensor>)autoencoder.Module;
        AssertClose(expectedDecoded, module.call(states), 1e-12);
        return p;
    }

    [Fact]
    public void Training_TheReconstructionGradientReachesEveryParameterAndDescendsAsPredicted()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(11);
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, device);
        var data = FourierProfiles.Create(256, 64, seed: 1);
        GradientAssert.DescendsAsPredicted(autoencoder.Module, () => nn.functional.mse_loss(autoencoder.Decode(autoencoder.Encode(data)), data));
    }

    [Fact]
    public void SameSeed_GivesIdenticalParametersAndOutputs_AnotherSeedDoesNot()
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder1DOptions { BatchNorm = true };
        var first = new ConvAutoencoder1D(options, Fhn, CpuDevice.Seeded(42));
        var second = new ConvAutoencoder1D(options, Fhn, CpuDevice.Seeded(42));
        var other = new ConvAutoencoder1D(options, Fhn, CpuDevice.Seeded(43));

        var a = Parameters(first);
        var b = Parameters(second);
        var c = Parameters(other);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var name in a.Keys)
            Assert.True(a[name].eq(b[name]).all().item<bool>(), $"{name} differs for the same seed");
        Assert.False(a["encoder_layers.1.conv.weight"].eq(c["encoder_layers.1.conv.weight"]).all().item<bool>());

        var states = rand(6, 2, 101, dtype: ScalarType.Float64);
        Assert.True(first.Decode(first.Encode(states)).eq(second.Decode(second.Encode(states))).all().item<bool>());
    }

    [Fact]
    public void Float32Device_PutsParametersAndOutputsInFloat32()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, CpuDevice.Seeded(8, ScalarType.Float32));

        Assert.All(autoencoder.Module.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.All(autoencoder.Module.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));
        var decoded = autoencoder.Decode(autoencoder.Encode(rand(2, 1, 64, dtype: ScalarType.Float32)));
        Assert.Equal(ScalarType.Float32, decoded.dtype);
    }

    [Fact]
    public void TwoDimensionalSystem_IsRefusedWithBothShapesAndAFix()
    {
        var grid2D = new SystemDescription(["u"], [64, 64], [1.0, 1.0], 0.1, Periodic: true);

        var error = Assert.Throws<ArgumentException>(() => new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), grid2D, new CpuDevice()));

        Assert.Equal("system", error.ParamName);
        Assert.Contains("[channels, X]", error.Message);
        Assert.Contains("[1, 64, 64]", error.Message);
        Assert.Contains("MlpAutoencoder", error.Message);
    }

    [Fact]
    public void WidthTooSmallForTheLayers_IsRefused()
    {
        var narrow = new SystemDescription(["u"], [6], [1.0], 0.1, Periodic: true);

        var error = Assert.Throws<ArgumentException>(() => new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), narrow, new CpuDevice()));

        Assert.Contains("2^4 = 16", error.Message);
        Assert.Contains("pads only to 8", error.Message);
        Assert.Contains("at most 3 entries in Channels", error.Message);
    }

    [Fact]
    public void CircularPaddingWithTransposedConvolutions_IsRefusedWithTheFix()
    {
        var errors = new ConvAutoencoder1DOptions { Padding = ConvPadding.Circular, Transpose = true }.Errors();
        Assert.Equal("Padding circular needs Transpose false: transposed convolutions have no circular padding; use padding zeros or transpose false.",
            Assert.Single(errors).ErrorMessage);
    }

    [Fact]
    public void InvalidOptions_AreRefusedByTheConstructor()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ConvAutoencoder1D(new ConvAutoencoder1DOptions { Kernel = 4 }, Ks, new CpuDevice()));

        Assert.Contains("Kernel (4) must be odd", error.Message);
    }

    [Fact]
    public void WrongInputShapes_AreRefusedNamingExpectedAndActualShapes()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), Ks, CpuDevice.Seeded(9));

        var channels = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(4, 2, 64, dtype: ScalarType.Float64)));
        Assert.Contains("[B, 1, 64]", channels.Message);
        Assert.Contains("[4, 2, 64]", channels.Message);

        var width = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(4, 1, 63, dtype: ScalarType.Float64)));
        Assert.Contains("[4, 1, 63]", width.Message);

        var rank = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(1, 64, dtype: ScalarType.Float64)));
        Assert.Contains("[1, 64]", rank.Message);

        var latents = Assert.Throws<ArgumentException>(() => autoencoder.Decode(rand(4, 7, dtype: ScalarType.Float64)));
        Assert.Contains("[B, 8]", latents.Message);
        Assert.Contains("[4, 7]", latents.Message);
    }

    private static Dictionary<string, Tensor> Parameters(ConvAutoencoder1D autoencoder) => ReferenceOps.Parameters(autoencoder.Module);

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance) => ReferenceOps.AssertClose(expected, actual, tolerance);

    // ---- reference-spec §3.3 written out with elementary tensor operations ----


    private static Tensor TanhPlus(Tensor x) => ReferenceOps.TanhPlus(x);

    /// <summary>Zeros, or (circular padding) the values wrapped from the other end, on each side of the last dimension.</summary>
    private static Tensor Pad(Tensor x, long left, long right, ConvAutoencoder1DOptions options) =>
        options.Padding == ConvPadding.Zeros ? ZeroPad(x, left, right)
            : cat([x.narrow(2, x.shape[2] - left, left), x, x.narrow(2, 0, right)], 2);

    private static Tensor ZeroPad(Tensor x, long left, long right)
    {
        var parts = new List<Tensor>();
        if (left > 0) parts.Add(zeros(x.shape[0], x.shape[1], left, dtype: x.dtype));
        parts.Add(x);
        if (right > 0) parts.Add(zeros(x.shape[0], x.shape[1], right, dtype: x.dtype));
        return cat(parts, 2);
    }

    /// <summary>Linear interpolation ×2 with align_corners = false: out[2m] = ¾x[m] + ¼x[m−1], out[2m+1] = ¾x[m] + ¼x[m+1], edges clamped.</summary>
    private static Tensor Upsample2(Tensor x)
    {
        long w = x.shape[2];
        var previous = cat([x.narrow(2, 0, 1), x.narrow(2, 0, w - 1)], 2);
        var next = cat([x.narrow(2, 1, w - 1), x.narrow(2, w - 1, 1)], 2);
        var even = 0.75 * x + 0.25 * previous;
        var odd = 0.75 * x + 0.25 * next;
        return stack([even, odd], 3).reshape(x.shape[0], x.shape[1], 2 * w);
    }

    private static Tensor ReferenceEncode(Tensor x, Dictionary<string, Tensor> p, ConvAutoencoder1DOptions options, int left, int right)
    {
        int layers = options.Channels.Count;
        var h = Pad(x, left, right, options);
        for (int i = 0; i < layers; i++)
        {
            int half = (options.KernelOf(i) - 1) / 2;
            h = nn.functional.conv1d(Pad(h, half, half, options), p[$"encoder_layers.{i}.conv.weight"], p[$"encoder_layers.{i}.conv.bias"]);
            if (options.BatchNorm && i < layers - 1)
            {
                var mean = h.mean([0, 2], keepdim: true);
                var variance = (h - mean).square().mean([0, 2], keepdim: true);
                h = (h - mean) / (variance + 1e-5).sqrt();
            }
            var pairs = h.reshape(h.shape[0], h.shape[1], h.shape[2] / 2, 2);
            h = options.UsesMaxPooling ? pairs.amax([3]) : pairs.mean([3]);
            h = ReferenceOps.Activate(h, options.Activation);
        }
        return ReferenceOps.Activate(h.flatten(1).matmul(p["encoder_linear.weight"].t()) + p["encoder_linear.bias"], options.Activation);
    }

    private static Tensor ReferenceDecode(Tensor z, Dictionary<string, Tensor> p, ConvAutoencoder1DOptions options, int padded, int left,
        int width)
    {
        int layers = options.Channels.Count;
        var h = ReferenceOps.Activate(z.matmul(p["decoder_linear.weight"].t()) + p["decoder_linear.bias"], options.Activation)
            .reshape(z.shape[0], options.Channels[^1], padded >> layers);
        for (int i = 0; i < layers; i++)
        {
            var weight = p[$"decoder_layers.{i}.conv.weight"];
            int half = (options.KernelOf(layers - 1 - i) - 1) / 2;
            // A stride-1 transposed convolution with padding (k−1)/2 is the convolution with the flipped kernel, in and
            // out channels swapped, and padding k − 1 − (k−1)/2 = (k−1)/2.
            if (options.Transpose)
                weight = weight.transpose(0, 1).flip(2);
            h = nn.functional.conv1d(Pad(Upsample2(h), half, half, options), weight, p[$"decoder_layers.{i}.conv.bias"]);
            h = i == layers - 1 ? TanhPlus(h) : ReferenceOps.Activate(h, options.Activation);
        }
        return h.narrow(2, left, width);
    }
}
