using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Convolutional;

/// <summary>Plugin entry point: registers the <c>ConvAutoencoder1D</c> autoencoder.</summary>
public sealed class ConvAutoencoder1DPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddConvAutoencoder1D();
}
