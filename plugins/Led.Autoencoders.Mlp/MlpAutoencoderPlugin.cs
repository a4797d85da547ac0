using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Mlp;

/// <summary>Plugin entry point: registers the <c>MlpAutoencoder</c> autoencoder.</summary>
public sealed class MlpAutoencoderPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddMlpAutoencoder();
}
