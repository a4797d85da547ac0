using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Testing;

namespace Led.Propagators.Mlp.Tests;

public class MlpPropagatorPluginTests
{
    [Fact]
    public void RegisterOffersThePropagatorUnderItsName()
    {
        var builder = new RecordingBuilder();
        new MlpPropagatorPlugin().Register(builder);

        var registration = Assert.Single(builder.Registrations);
        Assert.Equal(ComponentKind.Propagator, registration.Kind);
        Assert.Equal("Mlp", registration.Name);
        Assert.Equal(typeof(MlpPropagator), registration.ImplementationType);
        Assert.Equal(typeof(MlpPropagatorOptions), registration.OptionsType);
        Assert.NotNull(registration.ImplementationType.GetConstructor([typeof(MlpPropagatorOptions), typeof(LatentSpace), typeof(IDeviceContext)]));
    }
}
