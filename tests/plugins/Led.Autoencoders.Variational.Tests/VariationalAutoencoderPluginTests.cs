using Led.Testing;
using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;

namespace Led.Autoencoders.Variational.Tests;

public class VariationalAutoencoderPluginTests
{
    [Fact]
    public void Register_OffersTheAutoencoderUnderItsName()
    {
        var registration = RegistrationAssert.Single(new VariationalAutoencoderPlugin(), ComponentKind.Autoencoder, "VariationalAutoencoder",
            typeof(VariationalAutoencoder), typeof(VariationalAutoencoderOptions));
        Assert.True(typeof(IVariationalEncoder).IsAssignableFrom(registration.ImplementationType));
        Assert.True(typeof(ITrainable).IsAssignableFrom(registration.ImplementationType));
        Assert.NotNull(registration.ImplementationType.GetConstructor(
            [typeof(VariationalAutoencoderOptions), typeof(SystemDescription), typeof(IDeviceContext)]));
    }

    [Fact]
    public void AddVariationalAutoencoder_ReturnsTheBuilder()
    {
        var builder = new RecordingBuilder();
        Assert.Same(builder, builder.AddVariationalAutoencoder());
    }
}
