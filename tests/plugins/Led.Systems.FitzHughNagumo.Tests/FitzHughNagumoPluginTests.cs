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
        var registration = RegistrationAssert.Single(new FitzHughNagumoPlugin(), ComponentKind.System, "FitzHughNagumo", typeof(FitzHughNagumo), typeof(FitzHughNagumoOptions));
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
