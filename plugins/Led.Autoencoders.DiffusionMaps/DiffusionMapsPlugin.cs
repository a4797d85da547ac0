using Led.Abstractions.Plugins;

namespace Led.Autoencoders.DiffusionMaps;

/// <summary>Registers the <c>DiffusionMaps</c> encoder/decoder.</summary>
public sealed class DiffusionMapsPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddDiffusionMaps();
}
