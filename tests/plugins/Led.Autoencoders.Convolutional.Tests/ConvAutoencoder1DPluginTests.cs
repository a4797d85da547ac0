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
        var registration = RegistrationAssert.Single(new ConvAutoencoder1DPlugin(), ComponentKind.Autoencoder, "ConvAutoencoder1D", typeof(ConvAutoencoder1D), typeof(ConvAutoencoder1DOptions));
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
