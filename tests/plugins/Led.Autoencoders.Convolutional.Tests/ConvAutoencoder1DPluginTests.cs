using Led.Testing;
using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Autoencoders.Convolutional.Tests;

public class ConvAutoencoder1DPluginTests
{
    [Fact]
    public void Register_OffersTheAutoencoderUnderItsName()
    {
        var builder = new RecordingBuilder();
        new ConvAutoencoder1DPlugin().Register(builder);

        ComponentRegistration registration = Assert.Single(builder.Registrations);
        Assert.Equal(ComponentKind.Autoencoder, registration.Kind);
        Assert.Equal("ConvAutoencoder1D", registration.Name);
        Assert.Equal(typeof(ConvAutoencoder1D), registration.ImplementationType);
        Assert.Equal(typeof(ConvAutoencoder1DOptions), registration.OptionsType);
        Assert.True(typeof(IAutoencoder).IsAssignableFrom(registration.ImplementationType));
        Assert.True(typeof(ITrainable).IsAssignableFrom(registration.ImplementationType));
        Assert.NotNull(registration.ImplementationType.GetConstructor(
            [typeof(ConvAutoencoder1DOptions), typeof(SystemDescription), typeof(IDeviceContext)]));
        Assert.NotNull(registration.OptionsType.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void AddConvAutoencoder1D_ReturnsTheBuilder()
    {
        var builder = new RecordingBuilder();
        Assert.Same(builder, builder.AddConvAutoencoder1D());
    }
}
