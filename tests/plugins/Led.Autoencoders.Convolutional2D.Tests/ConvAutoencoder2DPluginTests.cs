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
        var builder = new RecordingBuilder();
        new ConvAutoencoder2DPlugin().Register(builder);

        ComponentRegistration registration = Assert.Single(builder.Registrations);
        Assert.Equal(ComponentKind.Autoencoder, registration.Kind);
        Assert.Equal("ConvAutoencoder2D", registration.Name);
        Assert.Equal(typeof(ConvAutoencoder2D), registration.ImplementationType);
        Assert.Equal(typeof(ConvAutoencoder2DOptions), registration.OptionsType);
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
