using Led.Abstractions.Observables;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Encoders.PermutationInvariant.Tests;

public class PermutationInvariantEncoderTests
{
    private static readonly SystemDescription Cloud = new(new PointSetObservable(50, ["x", "y", "z"]), 1.0);

    private static PermutationInvariantEncoder Create(Pooling pooling, int particles = 0) =>
        new(new PermutationInvariantEncoderOptions { LatentDim = 6, PointLayers = [16, 12], Layers = [10], Pooling = pooling, Particles = particles },
            Cloud, CpuDevice.Seeded(3));

    [Theory]
    [InlineData(Pooling.Mean)]
    [InlineData(Pooling.Min)]
    [InlineData(Pooling.Max)]
    public void TheLatentDoesNotDependOnTheOrderOfThePoints(Pooling pooling)
    {
        // Float64: min and max are exact under any permutation; the mean's summation order changes only round-off (1e-15).
        using var scope = NewDisposeScope();
        var encoder = Create(pooling);
        var states = rand(4, 50, 3, dtype: ScalarType.Float64);
        var z = encoder.Encode(states);
        Assert.Equal([4L, 6], z.shape);
        for (int trial = 0; trial < 5; trial++)
        {
            var permuted = states.index_select(1, randperm(50));
            Assert.True(allclose(encoder.Encode(permuted), z, rtol: 0, atol: 1e-14));
        }
        // and it does depend on the points themselves
        Assert.False(allclose(encoder.Encode(states + 0.1), z, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void WithASubsetOnlyTheFirstPointsAreEncoded()
    {
        using var scope = NewDisposeScope();
        var encoder = Create(Pooling.Mean, particles: 20);
        var states = rand(2, 50, 3, dtype: ScalarType.Float64);
        var z = encoder.Encode(states);
        var changed = states.clone();
        changed[.., 20..] = rand(2, 30, 3, dtype: ScalarType.Float64);
        Assert.True(allclose(encoder.Encode(changed), z, rtol: 0, atol: 0));
        changed[.., 3] = rand(2, 3, dtype: ScalarType.Float64);
        Assert.False(allclose(encoder.Encode(changed), z, rtol: 0, atol: 1e-9));
    }

    [Fact]
    public void ItIsTheMeanOfAPerPointMlpFollowedByAnMlp()
    {
        using var scope = NewDisposeScope();
        var encoder = Create(Pooling.Mean);
        var p = encoder.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
        Assert.Equal(["point_mlp.0.weight", "point_mlp.0.bias", "point_mlp.2.weight", "point_mlp.2.bias", "mlp.0.weight", "mlp.0.bias", "mlp.2.weight", "mlp.2.bias"],
            p.Keys);
        var x = rand(1, 50, 3, dtype: ScalarType.Float64);
        var phi = (x.matmul(p["point_mlp.0.weight"].t()) + p["point_mlp.0.bias"]).tanh().matmul(p["point_mlp.2.weight"].t()) + p["point_mlp.2.bias"];
        var expected = (phi.mean([1]).matmul(p["mlp.0.weight"].t()) + p["mlp.0.bias"]).tanh().matmul(p["mlp.2.weight"].t()) + p["mlp.2.bias"];
        Assert.True(allclose(encoder.Encode(x), expected, rtol: 0, atol: 1e-13));
    }

    [Fact]
    public void BadSettingsAreRefusedNamingTheOption()
    {
        var tooMany = Assert.Throws<ArgumentException>(() => Create(Pooling.Max, particles: 51));
        Assert.StartsWith("encoder.options.particles: 51 exceeds the system's 50 points", tooMany.Message);
        var field = new SystemDescription(["u"], [8], [1.0], 1.0, Periodic: true);
        Assert.Contains("encodes point sets", Assert.Throws<ArgumentException>(() =>
            new PermutationInvariantEncoder(new PermutationInvariantEncoderOptions(), field, new CpuDevice())).Message);
        Assert.Contains("pointLayers", Assert.Throws<ArgumentException>(() =>
            new PermutationInvariantEncoder(new PermutationInvariantEncoderOptions { PointLayers = [] }, Cloud, new CpuDevice())).Message);
    }

    [Fact]
    public void ThePluginRegistersTheEncoder() =>
        RegistrationAssert.Single(new PermutationInvariantPlugin(), ComponentKind.Encoder, "PermutationInvariantEncoder",
            typeof(PermutationInvariantEncoder), typeof(PermutationInvariantEncoderOptions));
}
