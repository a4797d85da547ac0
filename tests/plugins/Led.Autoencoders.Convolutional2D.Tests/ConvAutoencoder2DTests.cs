using Led.Toolkit.Learning;
using Led.Testing;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D.Tests;

public class ConvAutoencoder2DTests
{
    // The reduced LED-like cylinder grid: (p, u_x, u_y, ω) on 64 × 128 cells of a 5D × 10D box.
    private static readonly SystemDescription Cylinder = new(["p", "u_x", "u_y", "omega"], [64, 128], [5.0, 10.0], 0.2, Periodic: false);
    private static readonly SystemDescription Small = new(["a", "b"], [16, 32], [1.0, 2.0], 0.1, Periodic: false);

    private static readonly ConvAutoencoder2DOptions SmallOptions = new() { Channels = [4, 8], Kernel = 3, LatentDim = 3 };

    [Fact]
    public void DisposingReleasesTheNetworkAndForbidsFurtherUse()
    {
        var autoencoder = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(2));
        DisposalAssert.ReleasesItsModule(autoencoder, a => a.Encode(zeros(1, 2, 16, 32, dtype: ScalarType.Float64)));
    }

    [Fact]
    public void CylinderGrid_EncodesToLatentDimAndDecodesToTheStateShape()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder2D(new ConvAutoencoder2DOptions(), Cylinder, CpuDevice.Seeded(1, ScalarType.Float32));
        var states = rand(3, 4, 64, 128, dtype: ScalarType.Float32);

        var latents = autoencoder.Encode(states);
        var decoded = autoencoder.Decode(latents);

        Assert.Equal(4, autoencoder.LatentDim);
        Assert.Equal(new long[] { 3, 4 }, latents.shape);
        Assert.Equal(new long[] { 3, 4, 64, 128 }, decoded.shape);
        Assert.Equal((64, 128), (autoencoder.PaddedHeight, autoencoder.PaddedWidth));
        Assert.Equal((0, 0, 0, 0), (autoencoder.PaddingTop, autoencoder.PaddingBottom, autoencoder.PaddingLeft, autoencoder.PaddingRight));
        // Five layers: 64 × 128 → 2 × 4, with 4 channels a 32-value bottleneck.
        Assert.Equal((2, 4), (autoencoder.BottleneckHeight, autoencoder.BottleneckWidth));
        Assert.Equal(new long[] { 4, 32 }, Parameters(autoencoder)["encoder_linear.weight"].shape);
        // CELU output of the encoder is > −1.
        Assert.True(latents.min().item<float>() > -1.0f);
    }

    [Fact]
    public void GridNotDivisibleBy2PowL_IsZeroPaddedAroundAndCroppedBack()
    {
        using var scope = NewDisposeScope();
        var grid = new SystemDescription(["u"], [45, 100], [1.0, 2.0], 0.1, Periodic: false);
        var autoencoder = new ConvAutoencoder2D(new ConvAutoencoder2DOptions { Channels = [4, 4, 2], LatentDim = 2 }, grid, CpuDevice.Seeded(2));

        // Multiples of 2³ = 8: 45 → 48 (1 above, 2 below), 100 → 104 (2 left, 2 right).
        Assert.Equal((48, 104), (autoencoder.PaddedHeight, autoencoder.PaddedWidth));
        Assert.Equal((1, 2), (autoencoder.PaddingTop, autoencoder.PaddingBottom));
        Assert.Equal((2, 2), (autoencoder.PaddingLeft, autoencoder.PaddingRight));
        Assert.Equal((6, 13), (autoencoder.BottleneckHeight, autoencoder.BottleneckWidth));

        var states = rand(2, 1, 45, 100, dtype: ScalarType.Float64);
        Assert.Equal(new long[] { 2, 2 }, autoencoder.Encode(states).shape);
        Assert.Equal(new long[] { 2, 1, 45, 100 }, autoencoder.Decode(autoencoder.Encode(states)).shape);
        Assert.Equal(new long[] { 2, 2 * 6 * 13 }, Parameters(autoencoder)["encoder_linear.weight"].shape);
    }

    [Fact]
    public void ThePaperConfiguration_ResizesTo256x512AndHasA64ValueBottleneck()
    {
        using var scope = NewDisposeScope();
        var paperGrid = new SystemDescription(["p", "u_x", "u_y", "omega"], [512, 1024], [0.5, 1.0], 0.2, Periodic: false);
        var options = new ConvAutoencoder2DOptions { Channels = [20, 20, 20, 20, 20, 2], Kernel = 13, InputSubsampling = 2, LatentDim = 10 };

        var autoencoder = new ConvAutoencoder2D(options, paperGrid, CpuDevice.Seeded(3, ScalarType.Float32));

        // reference-spec §6: 512 × 1024 → 256 × 512, six halvings → 2 channels × 4 × 8 = 64 → Linear(→ d_z).
        Assert.Equal((256, 512), (autoencoder.ResizedHeight, autoencoder.ResizedWidth));
        Assert.Equal((256, 512), (autoencoder.PaddedHeight, autoencoder.PaddedWidth));
        Assert.Equal((4, 8), (autoencoder.BottleneckHeight, autoencoder.BottleneckWidth));
        var shapes = autoencoder.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(new long[] { 10, 64 }, shapes["encoder_linear.weight"]);
        Assert.Equal(new long[] { 20, 4, 13, 13 }, shapes["encoder_layers.0.conv.weight"]);
        // ConvTranspose2d weights are [in, out, k, k]: 2 → 20 first, 20 → 4 last.
        Assert.Equal(new long[] { 2, 20, 13, 13 }, shapes["decoder_layers.0.conv.weight"]);
        Assert.Equal(new long[] { 20, 4, 13, 13 }, shapes["decoder_layers.5.conv.weight"]);
    }

    [Fact]
    public void InputSubsampling_EncodesTheResizedGridAndDecodesToTheFullOne()
    {
        using var scope = NewDisposeScope();
        var grid = new SystemDescription(["u", "v"], [100, 200], [1.0, 2.0], 0.1, Periodic: false);
        var options = new ConvAutoencoder2DOptions { Channels = [4, 4, 4, 4, 2], InputSubsampling = 2, LatentDim = 3 };

        var autoencoder = new ConvAutoencoder2D(options, grid, CpuDevice.Seeded(4));

        // 100 × 200 → 50 × 100, padded to multiples of 32: 64 × 128 (7 above and below, 14 left and right).
        Assert.Equal((50, 100), (autoencoder.ResizedHeight, autoencoder.ResizedWidth));
        Assert.Equal((64, 128), (autoencoder.PaddedHeight, autoencoder.PaddedWidth));
        Assert.Equal((7, 7, 14, 14), (autoencoder.PaddingTop, autoencoder.PaddingBottom, autoencoder.PaddingLeft, autoencoder.PaddingRight));
        var decoded = autoencoder.Decode(autoencoder.Encode(rand(2, 2, 100, 200, dtype: ScalarType.Float64)));
        Assert.Equal(new long[] { 2, 2, 100, 200 }, decoded.shape);
        Assert.True(decoded.min().item<double>() > 0 && decoded.max().item<double>() < 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SmallConfiguration_HasTheHandCountedNumberOfParameters(bool transpose)
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder2DOptions { Channels = [4, 8], Kernel = 3, LatentDim = 3, Transpose = transpose };
        var autoencoder = new ConvAutoencoder2D(options, Small, CpuDevice.Seeded(5));

        // Encoder convolutions (out·in·k² + out): 2→4: 72+4 = 76; 4→8: 288+8 = 296. Bottleneck 8 channels × (16/4)·(32/4)
        // = 256: Linear(256→3) 768+3 = 771. Decoder: Linear(3→256) 768+256 = 1024; convolutions 8→4: 288+4 = 292;
        // 4→2: 72+2 = 74. Total 76 + 296 + 771 + 1024 + 292 + 74 = 2533.
        Assert.Equal(2533, autoencoder.Module.parameters().Sum(p => p.numel()));
        var shapes = autoencoder.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(12, shapes.Count);
        Assert.Equal(new long[] { 4, 2, 3, 3 }, shapes["encoder_layers.0.conv.weight"]);
        Assert.Equal(new long[] { 8, 4, 3, 3 }, shapes["encoder_layers.1.conv.weight"]);
        // ConvTranspose2d weights are [in, out, k, k]; Conv2d weights [out, in, k, k].
        Assert.Equal(transpose ? new long[] { 8, 4, 3, 3 } : new long[] { 4, 8, 3, 3 }, shapes["decoder_layers.0.conv.weight"]);
        Assert.Equal(transpose ? new long[] { 4, 2, 3, 3 } : new long[] { 2, 4, 3, 3 }, shapes["decoder_layers.1.conv.weight"]);
        // Batch norm (no affine parameters) keeps running statistics after every layer but the last of each half.
        var buffers = autoencoder.Module.named_buffers().Select(b => b.name).ToHashSet();
        Assert.Contains("encoder_layers.0.norm.running_mean", buffers);
        Assert.Contains("decoder_layers.0.norm.running_var", buffers);
        Assert.DoesNotContain("encoder_layers.1.norm.running_mean", buffers);
        Assert.DoesNotContain("decoder_layers.1.norm.running_mean", buffers);
    }

    [Fact]
    public void DecodedValues_LieStrictlyInsideZeroOne()
    {
        using var scope = NewDisposeScope();
        AutoencoderAssert.DecodesInsideUnitInterval(new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(6)), rand(8, 2, 16, 32, dtype: ScalarType.Float64));
    }

    [Fact]
    public void Initialisation_BiasesAre0001_AndWeightsAreXavierUniform()
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder2DOptions { Channels = [8, 8, 4], LatentDim = 4 };
        Assert.Equal((8, 8), AutoencoderAssert.ReferenceInitialisation(new ConvAutoencoder2D(options, Small, CpuDevice.Seeded(7)).Module));
    }

    [Theory]
    [InlineData(false, false, PoolingKind.Avg)]
    [InlineData(true, false, PoolingKind.Avg)]
    [InlineData(false, true, PoolingKind.Max)]
    [InlineData(true, true, PoolingKind.Avg)]
    public void Forward_AgreesWithTheSpecificationWrittenOutByHand(bool batchNorm, bool transpose, PoolingKind pooling)
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder2DOptions { Channels = [4, 6, 3], Kernel = 3, BatchNorm = batchNorm, Transpose = transpose, Pooling = pooling, LatentDim = 5 };
        var grid = new SystemDescription(["a", "b"], [14, 30], [1.0, 2.0], 0.1, Periodic: false);
        AssertMatchesTheHandWrittenNetwork(options, grid);
    }

    [Theory]
    [InlineData(Activation.Relu, ConvPadding.Zeros, null, null)]
    [InlineData(Activation.Gelu, ConvPadding.Circular, null, null)]
    [InlineData(Activation.Silu, ConvPadding.Zeros, null, ConvPadding.Circular)]
    [InlineData(Activation.Selu, ConvPadding.Zeros, ConvPadding.Circular, null)]
    [InlineData(Activation.Tanh, ConvPadding.Circular, ConvPadding.Zeros, null)]
    public void PerLayerKernelsTheActivationAndPerAxisPadding_BuildTheHandWrittenNetwork(Activation activation, ConvPadding padding,
        ConvPadding? y, ConvPadding? x)
    {
        using var scope = NewDisposeScope();
        var options = new ConvAutoencoder2DOptions
        {
            Channels = [4, 6, 3], Kernels = [5, 3, 3], Activation = activation, Transpose = false, LatentDim = 5,
            Padding = padding, PaddingY = y, PaddingX = x,
        };
        var grid = new SystemDescription(["a", "b"], [14, 30], [1.0, 2.0], 0.1, Periodic: false);
        var p = AssertMatchesTheHandWrittenNetwork(options, grid);

        Assert.Equal([4L, 2, 5, 5], p["encoder_layers.0.conv.weight"].shape);
        Assert.Equal([6L, 4, 3, 3], p["encoder_layers.1.conv.weight"].shape);
        Assert.Equal([6L, 3, 3, 3], p["decoder_layers.0.conv.weight"].shape);
        Assert.Equal([2L, 4, 5, 5], p["decoder_layers.2.conv.weight"].shape);
    }

    [Fact]
    public void CircularPaddingWiderThanADeepLayer_IsRefusedByCheckShapes()
    {
        var options = new ConvAutoencoder2DOptions { Channels = [4, 4, 4], Kernels = [3, 3, 13], Transpose = false, PaddingX = ConvPadding.Circular };
        var grid = new SystemDescription(["a"], [16, 16], [1.0, 1.0], 0.1, Periodic: false);

        var error = Assert.Throws<ArgumentException>(() => options.CheckShapes(grid, null));

        Assert.Contains("layer 2 pads 6 values circularly along x, more than the 4", error.Message);
        Assert.Contains("kernel of at most 9", error.Message);
        options.PaddingX = ConvPadding.Zeros;
        options.CheckShapes(grid, null);
    }

    private static Dictionary<string, Tensor> AssertMatchesTheHandWrittenNetwork(ConvAutoencoder2DOptions options, SystemDescription grid)
    {
        var autoencoder = new ConvAutoencoder2D(options, grid, CpuDevice.Seeded(8));
        var states = rand(4, grid.Channels.Count, grid.Grid[0], grid.Grid[1], dtype: ScalarType.Float64);
        var p = Parameters(autoencoder);

        var latents = autoencoder.Encode(states);
        AssertClose(ReferenceEncode(states, p, options, autoencoder), latents, 1e-12);

        var decoded = autoencoder.Decode(latents);
        var expectedDecoded = ReferenceDecode(latents, p, options, autoencoder);
        AssertClose(expectedDecoded, decoded, 1e-12);

        // The module's own forward is the reconstruction.
        AssertClose(expectedDecoded, ((nn.Module<Tensor, Tensor>)autoencoder.Module).call(states), 1e-12);
        return p;
    }

    [Fact]
    public void EvaluationMode_UsesRunningStatistics_SoADecodedStateDoesNotDependOnTheBatch()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(9));
        var states = rand(6, 2, 16, 32, dtype: ScalarType.Float64);
        using (no_grad())
            autoencoder.Decode(autoencoder.Encode(states)).Dispose(); // training mode: updates the running statistics
        autoencoder.Module.eval();

        var all = autoencoder.Decode(autoencoder.Encode(states));
        var one = autoencoder.Decode(autoencoder.Encode(states.narrow(0, 2, 1)));

        AssertClose(all.narrow(0, 2, 1), one, 1e-13);
    }

    [Fact]
    public void Training_OnTravellingWaves_TheReconstructionGradientReachesEveryParameterAndDescendsAsPredicted()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(11);
        var grid = new SystemDescription(["p", "u_x", "u_y", "omega"], [16, 32], [5.0, 10.0], 0.2, Periodic: false);
        var autoencoder = new ConvAutoencoder2D(new ConvAutoencoder2DOptions { Channels = [8, 8, 4], LatentDim = 4 }, grid, device);
        var data = TravellingWaves.Create(192, 4, 16, 32, seed: 1);
        GradientAssert.DescendsAsPredicted(autoencoder.Module, () => nn.functional.mse_loss(autoencoder.Decode(autoencoder.Encode(data)), data));
    }

    [Fact]
    public void SameSeed_GivesIdenticalParametersAndOutputs_AnotherSeedDoesNot()
    {
        using var scope = NewDisposeScope();
        var first = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(42));
        var second = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(42));
        var other = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(43));

        var a = Parameters(first);
        var b = Parameters(second);
        var c = Parameters(other);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var name in a.Keys)
            Assert.True(a[name].eq(b[name]).all().item<bool>(), $"{name} differs for the same seed");
        Assert.False(a["encoder_layers.1.conv.weight"].eq(c["encoder_layers.1.conv.weight"]).all().item<bool>());

        var states = rand(3, 2, 16, 32, dtype: ScalarType.Float64);
        Assert.True(first.Decode(first.Encode(states)).eq(second.Decode(second.Encode(states))).all().item<bool>());
    }

    [Fact]
    public void Float32Device_PutsParametersAndOutputsInFloat32()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(12, ScalarType.Float32));

        Assert.All(autoencoder.Module.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.All(autoencoder.Module.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));
        var decoded = autoencoder.Decode(autoencoder.Encode(rand(2, 2, 16, 32, dtype: ScalarType.Float32)));
        Assert.Equal(ScalarType.Float32, decoded.dtype);
    }

    [Fact]
    public void OneDimensionalSystem_IsRefusedWithItsShapeAndAFix()
    {
        var grid1D = new SystemDescription(["u"], [64], [22.0], 0.25, Periodic: true);

        var error = Assert.Throws<ArgumentException>(() => new ConvAutoencoder2D(new ConvAutoencoder2DOptions(), grid1D, new CpuDevice()));

        Assert.Equal("system", error.ParamName);
        Assert.Contains("[channels, Ny, Nx]", error.Message);
        Assert.Contains("[1, 64]", error.Message);
        Assert.Contains("ConvAutoencoder1D", error.Message);
    }

    [Fact]
    public void GridTooSmallForTheLayers_IsRefused()
    {
        var narrow = new SystemDescription(["u"], [12, 64], [1.0, 2.0], 0.1, Periodic: false);

        var error = Assert.Throws<ArgumentException>(() => new ConvAutoencoder2D(new ConvAutoencoder2DOptions(), narrow, new CpuDevice()));

        Assert.Contains("2^5 = 32", error.Message);
        Assert.Contains("[12, 64]", error.Message);
        Assert.Contains("at most 3 entries in Channels", error.Message);
    }

    [Fact]
    public void InvalidOptions_AreRefusedByTheConstructor()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ConvAutoencoder2D(new ConvAutoencoder2DOptions { Kernel = 4 }, Cylinder, new CpuDevice()));

        Assert.Contains("Kernel (4) must be odd", error.Message);
    }

    [Fact]
    public void WrongShapes_AreRefusedWithTheExpectedAndActualShapes()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new ConvAutoencoder2D(SmallOptions, Small, CpuDevice.Seeded(13));

        var channels = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(4, 3, 16, 32, dtype: ScalarType.Float64)));
        Assert.Contains("[B, 2, 16, 32]", channels.Message);
        Assert.Contains("[4, 3, 16, 32]", channels.Message);

        var size = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(4, 2, 32, 16, dtype: ScalarType.Float64)));
        Assert.Contains("[4, 2, 32, 16]", size.Message);

        var rank = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(2, 16, 32, dtype: ScalarType.Float64)));
        Assert.Contains("[2, 16, 32]", rank.Message);

        var latents = Assert.Throws<ArgumentException>(() => autoencoder.Decode(rand(4, 7, dtype: ScalarType.Float64)));
        Assert.Contains("[B, 3]", latents.Message);
        Assert.Contains("[4, 7]", latents.Message);
    }

    private static Dictionary<string, Tensor> Parameters(ConvAutoencoder2D autoencoder) => ReferenceOps.Parameters(autoencoder.Module);

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance) => ReferenceOps.AssertClose(expected, actual, tolerance);

    // ---- reference-spec §6 written out with elementary tensor operations (training mode: batch statistics) ----


    private static Tensor TanhPlus(Tensor x) => ReferenceOps.TanhPlus(x);

    /// <summary>Zeros around [B, C, H, W]: <paramref name="top"/>/<paramref name="bottom"/> rows, <paramref name="left"/>/<paramref name="right"/> columns.</summary>
    private static Tensor ZeroPad(Tensor x, long top, long bottom, long left, long right)
    {
        long b = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var rows = cat([zeros(b, c, h, left, dtype: x.dtype), x, zeros(b, c, h, right, dtype: x.dtype)], 3);
        return cat([zeros(b, c, top, w + left + right, dtype: x.dtype), rows, zeros(b, c, bottom, w + left + right, dtype: x.dtype)], 2);
    }

    /// <summary>Zeros as <see cref="ZeroPad"/>, or along a circular axis the values wrapped from the other end.</summary>
    private static Tensor Pad(Tensor x, long top, long bottom, long left, long right, ConvAutoencoder2DOptions options)
    {
        if (!options.CircularY && !options.CircularX) return ZeroPad(x, top, bottom, left, right);
        var h = options.CircularX ? cat([x.narrow(3, x.shape[3] - left, left), x, x.narrow(3, 0, right)], 3) : ZeroPad(x, 0, 0, left, right);
        return options.CircularY ? cat([h.narrow(2, h.shape[2] - top, top), h, h.narrow(2, 0, bottom)], 2) : ZeroPad(h, top, bottom, 0, 0);
    }

    private static Tensor Normalise(Tensor h)
    {
        var mean = h.mean([0, 2, 3], keepdim: true);
        var variance = (h - mean).square().mean([0, 2, 3], keepdim: true);
        return (h - mean) / (variance + 1e-5).sqrt();
    }

    /// <summary>Linear interpolation ×2 along <paramref name="dim"/> with align_corners = false: ¾x[m] + ¼x[m∓1], edges clamped.</summary>
    private static Tensor Upsample2(Tensor x, int dim)
    {
        long n = x.shape[dim];
        var previous = cat([x.narrow(dim, 0, 1), x.narrow(dim, 0, n - 1)], dim);
        var next = cat([x.narrow(dim, 1, n - 1), x.narrow(dim, n - 1, 1)], dim);
        var even = 0.75 * x + 0.25 * previous;
        var odd = 0.75 * x + 0.25 * next;
        var shape = x.shape.ToArray();
        shape[dim] = 2 * n;
        return stack([even, odd], dim + 1).reshape(shape);
    }

    /// <summary>Zeros inserted between neighbours in both spatial dimensions: [B, C, H, W] → [B, C, 2H − 1, 2W − 1].</summary>
    private static Tensor Dilate(Tensor x)
    {
        long b = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var result = zeros(b, c, 2 * h - 1, 2 * w - 1, dtype: x.dtype);
        for (long i = 0; i < h; i++)
            for (long j = 0; j < w; j++)
                result[.., .., 2 * i, 2 * j] = x[.., .., i, j];
        return result;
    }

    private static Tensor ReferenceEncode(Tensor x, Dictionary<string, Tensor> p, ConvAutoencoder2DOptions options, ConvAutoencoder2D g)
    {
        int layers = options.Channels.Count;
        var h = Pad(x, g.PaddingTop, g.PaddingBottom, g.PaddingLeft, g.PaddingRight, options);
        for (int i = 0; i < layers; i++)
        {
            int half = (options.KernelOf(i) - 1) / 2;
            h = nn.functional.conv2d(Pad(h, half, half, half, half, options), p[$"encoder_layers.{i}.conv.weight"], p[$"encoder_layers.{i}.conv.bias"]);
            if (options.BatchNorm && i < layers - 1) h = Normalise(h);
            var blocks = h.reshape(h.shape[0], h.shape[1], h.shape[2] / 2, 2, h.shape[3] / 2, 2);
            h = options.UsesMaxPooling ? blocks.amax([3, 5]) : blocks.mean([3, 5]);
            h = ReferenceOps.Activate(h, options.Activation);
        }
        return ReferenceOps.Activate(h.flatten(1).matmul(p["encoder_linear.weight"].t()) + p["encoder_linear.bias"], options.Activation);
    }

    private static Tensor ReferenceDecode(Tensor z, Dictionary<string, Tensor> p, ConvAutoencoder2DOptions options, ConvAutoencoder2D g)
    {
        int layers = options.Channels.Count;
        var h = ReferenceOps.Activate(z.matmul(p["decoder_linear.weight"].t()) + p["decoder_linear.bias"], options.Activation)
            .reshape(z.shape[0], options.Channels[^1], g.BottleneckHeight, g.BottleneckWidth);
        for (int i = 0; i < layers; i++)
        {
            var weight = p[$"decoder_layers.{i}.conv.weight"];
            var bias = p[$"decoder_layers.{i}.conv.bias"];
            int kernel = options.KernelOf(layers - 1 - i), half = (kernel - 1) / 2;
            if (options.Transpose)
            {
                // ConvTranspose2d(k, stride 2, padding (k−1)/2, output padding 1) is the convolution of the zero-dilated
                // input, padded by k − 1 − (k−1)/2 before and one more after, with the flipped kernel and in/out swapped.
                int before = kernel - 1 - half;
                h = nn.functional.conv2d(ZeroPad(Dilate(h), before, before + 1, before, before + 1), weight.transpose(0, 1).flip(2, 3), bias);
            }
            else
            {
                h = nn.functional.conv2d(Pad(Upsample2(Upsample2(h, 2), 3), half, half, half, half, options), weight, bias);
            }
            if (i < layers - 1)
            {
                if (options.BatchNorm) h = Normalise(h);
                h = ReferenceOps.Activate(h, options.Activation);
            }
        }
        return TanhPlus(h.narrow(2, g.PaddingTop, g.ResizedHeight).narrow(3, g.PaddingLeft, g.ResizedWidth));
    }
}
