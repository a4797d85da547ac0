using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Pca;

/// <summary>Registers the <c>Pca</c> encoder/decoder.</summary>
public sealed class PcaPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddPca();
}
