using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Variational;

/// <summary>Plugin entry point: registers the <c>VariationalAutoencoder</c> autoencoder.</summary>
public sealed class VariationalAutoencoderPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddVariationalAutoencoder();
}
