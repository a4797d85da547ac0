using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Testing;

namespace Led.Propagators.Mlp.Tests;

public class MlpPropagatorPluginTests
{
    [Fact]
    public void RegisterOffersThePropagatorUnderItsName()
    {
        var registration = RegistrationAssert.Single(new MlpPropagatorPlugin(), ComponentKind.Propagator, "Mlp", typeof(MlpPropagator), typeof(MlpPropagatorOptions));
        Assert.NotNull(registration.ImplementationType.GetConstructor([typeof(MlpPropagatorOptions), typeof(LatentSpace), typeof(IDeviceContext)]));
    }
}
