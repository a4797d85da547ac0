using Led.Abstractions.Plugins;

namespace MyAutoencoder;

/// <summary>The plugin's entry point: offers the autoencoder under the name configs use (in their <c>encoder</c> section).</summary>
public sealed class MyAutoencoderPlugin : ILedPlugin
{
    /// <inheritdoc/>
    public void Register(ILedBuilder builder) => builder.AddAutoencoder<MyAutoencoder, MyAutoencoderOptions>("MyAutoencoder");
}
