using Led.Abstractions.Plugins;

namespace Led.Decoders.MixtureDensity;

/// <summary>Registers the <c>MixtureDensityDecoder</c>.</summary>
public sealed class MixtureDensityPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddDecoder<MixtureDensityDecoder, MixtureDensityDecoderOptions>("MixtureDensityDecoder");
}
