using Led.Abstractions.Plugins;

namespace Led.Autoencoders.DiffusionMaps;

public static class DiffusionMapsBuilderExtensions
{
    public static ILedBuilder AddDiffusionMaps(this ILedBuilder builder) =>
        builder.AddAutoencoder<DiffusionMapsAutoencoder, DiffusionMapsOptions>("DiffusionMaps");
}
