using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>Plugin entry point: registers the <c>ConvAutoencoder2D</c> autoencoder.</summary>
public sealed class ConvAutoencoder2DPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddConvAutoencoder2D();
}
