using Led.Testing;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Systems.FitzHughNagumo.Tests;

public class FitzHughNagumoPluginTests
{
    [Fact]
    public void Register_OffersTheSystemUnderItsName()
    {
        var builder = new RecordingBuilder();
        new FitzHughNagumoPlugin().Register(builder);

        ComponentRegistration registration = Assert.Single(builder.Registrations);
        Assert.Equal(ComponentKind.System, registration.Kind);
        Assert.Equal("FitzHughNagumo", registration.Name);
        Assert.Equal(typeof(FitzHughNagumo), registration.ImplementationType);
        Assert.Equal(typeof(FitzHughNagumoOptions), registration.OptionsType);
        Assert.True(typeof(IDynamicalSystem).IsAssignableFrom(registration.ImplementationType));
        Assert.NotNull(registration.ImplementationType.GetConstructor([typeof(FitzHughNagumoOptions)]));
        Assert.NotNull(registration.OptionsType.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void AddFitzHughNagumo_ReturnsTheBuilder()
    {
        var builder = new RecordingBuilder();
        Assert.Same(builder, builder.AddFitzHughNagumo());
    }
}
