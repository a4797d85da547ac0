using Led.Testing;
using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Autoencoders.Mlp.Tests;

public class MlpAutoencoderPluginTests
{
    [Fact]
    public void Register_OffersTheAutoencoderUnderItsName()
    {
        var registration = RegistrationAssert.Single(new MlpAutoencoderPlugin(), ComponentKind.Autoencoder, "MlpAutoencoder", typeof(MlpAutoencoder), typeof(MlpAutoencoderOptions));
        Assert.True(typeof(IAutoencoder).IsAssignableFrom(registration.ImplementationType));
        Assert.True(typeof(ITrainable).IsAssignableFrom(registration.ImplementationType));
        Assert.NotNull(registration.ImplementationType.GetConstructor(
            [typeof(MlpAutoencoderOptions), typeof(SystemDescription), typeof(IDeviceContext)]));
        Assert.NotNull(registration.OptionsType.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void AddMlpAutoencoder_ReturnsTheBuilder()
    {
        var builder = new RecordingBuilder();
        Assert.Same(builder, builder.AddMlpAutoencoder());
    }
}
