using Led.Testing;
using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;

namespace Led.Autoencoders.Convolutional2D.Tests;

public class ConvAutoencoder2DPluginTests
{
    [Fact]
    public void Register_OffersTheAutoencoderUnderItsName()
    {
        var registration = RegistrationAssert.Single(new ConvAutoencoder2DPlugin(), ComponentKind.Autoencoder, "ConvAutoencoder2D", typeof(ConvAutoencoder2D), typeof(ConvAutoencoder2DOptions));
        Assert.True(typeof(IAutoencoder).IsAssignableFrom(registration.ImplementationType));
        Assert.True(typeof(ITrainable).IsAssignableFrom(registration.ImplementationType));
        Assert.NotNull(registration.ImplementationType.GetConstructor(
            [typeof(ConvAutoencoder2DOptions), typeof(SystemDescription), typeof(IDeviceContext)]));
        Assert.NotNull(registration.OptionsType.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void AddConvAutoencoder2D_ReturnsTheBuilder()
    {
        var builder = new RecordingBuilder();
        Assert.Same(builder, builder.AddConvAutoencoder2D());
    }
}
