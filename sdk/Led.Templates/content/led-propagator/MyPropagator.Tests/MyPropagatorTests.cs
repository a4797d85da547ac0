using Led.Abstractions.Learning;
using Led.Sdk.Testing;
using Xunit;
using static TorchSharp.torch;

namespace MyPropagator.Tests;

/// <summary>Checks of this propagator's own equations.</summary>
public sealed class MyPropagatorTests
{
    /// <summary>With its output layer zeroed the residual map is the identity: the prediction is the input.</summary>
    [Fact]
    public void AZeroOutputLayerMakesTheIdentityMap()
    {
        var propagator = new MyPropagator(new MyPropagatorOptions { Hidden = 4 }, new LatentSpace(2), new TestDevice());
        using (no_grad())
            foreach (var (name, parameter) in propagator.Module.named_parameters())
                if (name.StartsWith("output.", StringComparison.Ordinal)) parameter.zero_();
        var z = rand(3, 5, 2, dtype: ScalarType.Float64);
        using var state = propagator.Start(3);
        Assert.True(propagator.Forward(state, z).eq(z).all().item<bool>());
    }
}
