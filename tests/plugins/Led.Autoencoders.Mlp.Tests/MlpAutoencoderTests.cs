using Led.Toolkit.Learning;
using Led.Testing;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Mlp.Tests;

public class MlpAutoencoderTests
{
    private static readonly SystemDescription Fhn = new(["u", "v"], [101], [20.0], 1.0, Periodic: false);
    private static readonly SystemDescription Ks = new(["u"], [64], [22.0], 0.25, Periodic: true);

    [Fact]
    public void DisposingReleasesTheNetworkAndForbidsFurtherUse()
    {
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 2 }, Fhn, CpuDevice.Seeded(2));
        DisposalAssert.ReleasesItsModule(autoencoder, a => a.Decode(zeros(1, 2, dtype: ScalarType.Float64)));
    }

    [Fact]
    public void PaperModel_HasTheReferenceParameterNamesAndShapes()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { Layers = 3, Width = 100, LatentDim = 2 }, Fhn, CpuDevice.Seeded(1));

        var actual = autoencoder.Module.named_parameters().Select(p => (p.name, Shape: string.Join("x", p.parameter.shape))).ToList();

        (string, string)[] expected =
        [
            ("ENCODER.1.layer.weight", "100x202"), ("ENCODER.1.layer.bias", "100"),
            ("ENCODER.4.layer.weight", "100x100"), ("ENCODER.4.layer.bias", "100"),
            ("ENCODER.7.layer.weight", "100x100"), ("ENCODER.7.layer.bias", "100"),
            ("ENCODER.10.layer.weight", "2x100"), ("ENCODER.10.layer.bias", "2"),
            ("DECODER.0.layer.weight", "100x2"), ("DECODER.0.layer.bias", "100"),
            ("DECODER.3.layer.weight", "100x100"), ("DECODER.3.layer.bias", "100"),
            ("DECODER.6.layer.weight", "100x100"), ("DECODER.6.layer.bias", "100"),
            ("DECODER.9.layer.weight", "202x100"), ("DECODER.9.layer.bias", "202"),
        ];
        Assert.Equal(expected, actual);
        // No buffers: the state dict is exactly the parameters, so the reference's file maps one to one.
        Assert.Equal(expected.Select(e => e.Item1), autoencoder.Module.state_dict().Keys);
        // 202·100+100 + 2·(100·100+100) + 100·2+2 = 40702 (encoder); 2·100+100 + 2·10100 + 100·202+202 = 40902 (decoder).
        Assert.Equal(81604, autoencoder.Module.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void StateDictWithTheReferenceNames_LoadsStrictly_AndDrivesTheForwardPass()
    {
        using var scope = NewDisposeScope();
        var source = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(2));
        var target = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(3));
        // A dictionary keyed like the reference's torch state dict (as TorchSharp.PyBridge would return it).
        var stateDict = source.Module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter.detach().clone());

        var (missing, unexpected) = target.Module.load_state_dict(stateDict, strict: true);

        Assert.Empty(missing);
        Assert.Empty(unexpected);
        var states = rand(3, 2, 101, dtype: ScalarType.Float64);
        Assert.True(source.Decode(source.Encode(states)).eq(target.Decode(target.Encode(states))).all().item<bool>());
    }

    [Theory]
    [InlineData(3, 100, 2)]
    [InlineData(2, 8, 8)]      // the first decoder layer is square: it gets the skip too
    public void CompiledDecoder_AgreesWithTheTensorPath(int layers, int width, int latentDim)
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { Layers = layers, Width = width, LatentDim = latentDim }, Fhn, CpuDevice.Seeded(4));
        using (no_grad())
            foreach (var (_, parameter) in autoencoder.Module.named_parameters()) parameter.add_(randn_like(parameter) * 0.05);
        var z = rand(1, latentDim, dtype: ScalarType.Float64);
        var expected = autoencoder.Decode(z).data<double>().ToArray();
        var state = new double[202];
        autoencoder.CompileDecoder().Decode(z.data<double>().ToArray(), state);
        for (int i = 0; i < 202; i++) Assert.Equal(expected[i], state[i], 12);
    }

    [Fact]
    public void CompiledDecoder_OfAFloat32ModelAgreesToSinglePrecision()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 2 }, Fhn, CpuDevice.Seeded(4, ScalarType.Float32));
        using (no_grad())
            foreach (var (_, parameter) in autoencoder.Module.named_parameters()) parameter.add_(randn_like(parameter) * 0.05f);
        var z = rand(1, 2, dtype: ScalarType.Float32);
        var expected = autoencoder.Decode(z).data<float>().ToArray();
        var state = new double[202];
        autoencoder.CompileDecoder().Decode(z.to(ScalarType.Float64).data<double>().ToArray(), state);
        for (int i = 0; i < 202; i++) Assert.InRange(Math.Abs(expected[i] - state[i]), 0, 1e-6);
    }

    [Fact]
    public void FhnShapes_EncodeToLatentsAndDecodeToTheStateShape()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(4));

        var latents = autoencoder.Encode(rand(5, 2, 101, dtype: ScalarType.Float64));
        var decoded = autoencoder.Decode(latents);

        Assert.Equal(202, autoencoder.InputSize);
        Assert.Equal(new long[] { 5, 2 }, latents.shape);
        Assert.Equal(new long[] { 5, 2, 101 }, decoded.shape);
        Assert.True(latents.min().item<double>() > -1.0);
    }

    [Fact]
    public void TwoDimensionalGrid_IsFlattenedAndRestored()
    {
        using var scope = NewDisposeScope();
        var grid2D = new SystemDescription(["u", "v"], [6, 5], [1.0, 1.0], 0.1, Periodic: true);
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 4, Width = 16 }, grid2D, CpuDevice.Seeded(5));

        var latents = autoencoder.Encode(rand(3, 2, 6, 5, dtype: ScalarType.Float64));

        Assert.Equal(60, autoencoder.InputSize);
        Assert.Equal(new long[] { 3, 4 }, latents.shape);
        Assert.Equal(new long[] { 3, 2, 6, 5 }, autoencoder.Decode(latents).shape);
        Assert.Equal(new long[] { 16, 60 }, Parameters(autoencoder)["ENCODER.1.layer.weight"].shape);
    }

    [Theory]
    [InlineData(3, 100, 2, 2, 101)]
    [InlineData(1, 30, 3, 1, 64)]
    [InlineData(2, 64, 64, 1, 64)] // every linear is square: all of them have the identity skip
    public void Forward_AgreesWithTheSpecificationWrittenOutByHand(int layers, int width, int latentDim, int channels, int points)
    {
        using var scope = NewDisposeScope();
        string[] names = channels == 1 ? ["u"] : ["u", "v"];
        var system = new SystemDescription(names, [points], [1.0], 1.0, Periodic: false);
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { Layers = layers, Width = width, LatentDim = latentDim }, system,
            CpuDevice.Seeded(6));
        var parameters = Parameters(autoencoder);
        var states = rand(4, channels, points, dtype: ScalarType.Float64);

        // Channel-major flattening: row b is [u(0..X−1), v(0..X−1)].
        var flat = cat(Enumerable.Range(0, channels).Select(c => states.select(1, c)).ToArray(), 1);
        var h = flat;
        for (int i = 0; i < layers; i++)
            h = Celu(Linear(h, parameters, $"ENCODER.{1 + 3 * i}"));
        var expectedLatents = Celu(Linear(h, parameters, $"ENCODER.{1 + 3 * layers}"));

        var latents = autoencoder.Encode(states);
        AssertClose(expectedLatents, latents, 1e-12);

        h = latents;
        for (int i = 0; i < layers; i++)
            h = Celu(Linear(h, parameters, $"DECODER.{3 * i}"));
        var expectedFlat = TanhPlus(Linear(h, parameters, $"DECODER.{3 * layers}"));
        var expectedStates = stack(Enumerable.Range(0, channels).Select(c => expectedFlat.narrow(1, c * points, points)).ToArray(), 1);

        AssertClose(expectedStates, autoencoder.Decode(latents), 1e-12);
        AssertClose(expectedStates, ((nn.Module<Tensor, Tensor>)autoencoder.Module).call(states), 1e-12);
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Elu)]
    [InlineData(Activation.Selu)]
    [InlineData(Activation.Gelu)]
    [InlineData(Activation.Silu)]
    public void HiddenWidthsAndTheActivation_BuildTheHandWrittenNetwork_AndTheCompiledDecoderAgrees(Activation activation)
    {
        using var scope = NewDisposeScope();
        var options = new MlpAutoencoderOptions { HiddenWidths = [40, 40, 12], Activation = activation, LatentDim = 3 };
        var autoencoder = new MlpAutoencoder(options, Fhn, CpuDevice.Seeded(6));
        var parameters = Parameters(autoencoder);
        var shapes = parameters.Where(p => p.Key.EndsWith(".weight", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => string.Join("x", p.Value.shape));
        Assert.Equal(new Dictionary<string, string>
        {
            ["ENCODER.1.layer.weight"] = "40x202", ["ENCODER.4.layer.weight"] = "40x40", ["ENCODER.7.layer.weight"] = "12x40",
            ["ENCODER.10.layer.weight"] = "3x12",
            ["DECODER.0.layer.weight"] = "12x3", ["DECODER.3.layer.weight"] = "40x12", ["DECODER.6.layer.weight"] = "40x40",
            ["DECODER.9.layer.weight"] = "202x40",
        }, shapes);

        var states = rand(4, 2, 101, dtype: ScalarType.Float64);
        var h = cat([states.select(1, 0), states.select(1, 1)], 1);
        foreach (int index in new[] { 1, 4, 7 })
            h = ReferenceOps.Activate(Linear(h, parameters, $"ENCODER.{index}"), activation);
        var expectedLatents = ReferenceOps.Activate(Linear(h, parameters, "ENCODER.10"), activation);
        var latents = autoencoder.Encode(states);
        AssertClose(expectedLatents, latents, 1e-12);

        h = latents;
        foreach (int index in new[] { 0, 3, 6 })
            h = ReferenceOps.Activate(Linear(h, parameters, $"DECODER.{index}"), activation);
        var expectedFlat = TanhPlus(Linear(h, parameters, "DECODER.9"));
        AssertClose(stack([expectedFlat.narrow(1, 0, 101), expectedFlat.narrow(1, 101, 101)], 1), autoencoder.Decode(latents), 1e-12);

        // The compiled decoder implements every activation but GELU, which falls back to the tensor path: same numbers.
        var state = new double[202];
        autoencoder.CompileDecoder().Decode(latents[..1].data<double>().ToArray(), state);
        var expected = expectedFlat[0].data<double>().ToArray();
        for (int i = 0; i < 202; i++) Assert.Equal(expected[i], state[i], 12);
    }

    [Fact]
    public void HiddenWidthsOfLayersTimesWidth_BuildTheSameNetworkAsLayersAndWidth()
    {
        using var scope = NewDisposeScope();
        var listed = new MlpAutoencoder(new MlpAutoencoderOptions { HiddenWidths = [100, 100, 100] }, Fhn, CpuDevice.Seeded(3));
        var paper = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(3));
        var a = Parameters(listed);
        var b = Parameters(paper);
        Assert.Equal(b.Keys, a.Keys);
        foreach (var name in a.Keys) Assert.True(a[name].eq(b[name]).all().item<bool>(), name);
    }

    [Fact]
    public void DecodedValues_LieStrictlyInsideZeroOne()
    {
        using var scope = NewDisposeScope();
        AutoencoderAssert.DecodesInsideUnitInterval(new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(7)), rand(16, 2, 101, dtype: ScalarType.Float64));
    }

    [Fact]
    public void Initialisation_BiasesAre0001_AndWeightsAreXavierUniform()
    {
        using var scope = NewDisposeScope();
        Assert.Equal((8, 8), AutoencoderAssert.ReferenceInitialisation(new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(8)).Module));
    }

    [Fact]
    public void Training_TheReconstructionGradientReachesEveryParameterAndDescendsAsPredicted()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 8 }, Ks, CpuDevice.Seeded(11));
        var data = FourierProfiles.Create(256, 64, seed: 1);
        GradientAssert.DescendsAsPredicted(autoencoder.Module, () => nn.functional.mse_loss(autoencoder.Decode(autoencoder.Encode(data)), data));
    }

    [Fact]
    public void SameSeed_GivesIdenticalParametersAndOutputs_AnotherSeedDoesNot()
    {
        using var scope = NewDisposeScope();
        var first = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(42));
        var second = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(42));
        var other = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(43));

        var a = Parameters(first);
        var b = Parameters(second);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var name in a.Keys)
            Assert.True(a[name].eq(b[name]).all().item<bool>(), $"{name} differs for the same seed");
        Assert.False(a["ENCODER.4.layer.weight"].eq(Parameters(other)["ENCODER.4.layer.weight"]).all().item<bool>());

        var states = rand(6, 2, 101, dtype: ScalarType.Float64);
        Assert.True(first.Decode(first.Encode(states)).eq(second.Decode(second.Encode(states))).all().item<bool>());
    }

    [Fact]
    public void Float32Device_PutsParametersAndOutputsInFloat32()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(9, ScalarType.Float32));

        Assert.All(autoencoder.Module.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.Equal(ScalarType.Float32, autoencoder.Decode(autoencoder.Encode(rand(2, 2, 101, dtype: ScalarType.Float32))).dtype);
    }

    [Fact]
    public void WrongInputShapes_AreRefusedNamingExpectedAndActualShapes()
    {
        using var scope = NewDisposeScope();
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions(), Fhn, CpuDevice.Seeded(10));

        var channels = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(4, 1, 101, dtype: ScalarType.Float64)));
        Assert.Equal("states", channels.ParamName);
        Assert.Contains("[B, 2, 101]", channels.Message);
        Assert.Contains("[4, 1, 101]", channels.Message);

        var flat = Assert.Throws<ArgumentException>(() => autoencoder.Encode(rand(4, 202, dtype: ScalarType.Float64)));
        Assert.Contains("[4, 202]", flat.Message);

        var latents = Assert.Throws<ArgumentException>(() => autoencoder.Decode(rand(4, 3, dtype: ScalarType.Float64)));
        Assert.Contains("[B, 2]", latents.Message);
        Assert.Contains("[4, 3]", latents.Message);
    }

    [Fact]
    public void InvalidOptions_AreRefusedByTheConstructor()
    {
        var error = Assert.Throws<ArgumentException>(() => new MlpAutoencoder(new MlpAutoencoderOptions { Layers = 0 }, Fhn, new CpuDevice()));

        Assert.Contains("Layers must be between 1 and 64", error.Message);
    }

    private static Dictionary<string, Tensor> Parameters(MlpAutoencoder autoencoder) =>
        autoencoder.Module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter.detach());

    /// <summary>The reference's linear wrapper: x·Wᵀ + b, plus x when the layer is square.</summary>
    private static Tensor Linear(Tensor x, Dictionary<string, Tensor> parameters, string prefix)
    {
        var weight = parameters[prefix + ".layer.weight"];
        var y = x.matmul(weight.t()) + parameters[prefix + ".layer.bias"];
        return weight.shape[0] == weight.shape[1] ? y + x : y;
    }

    private static Tensor Celu(Tensor x) => ReferenceOps.Celu(x);

    private static Tensor TanhPlus(Tensor x) => 0.5 + 0.5 * x.tanh();

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        double difference = (expected - actual).abs().max().item<double>();
        Assert.True(difference <= tolerance, $"max |difference| {difference:E3} exceeds {tolerance:E1}");
    }
}
