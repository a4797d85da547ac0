using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Pca;

public static class PcaBuilderExtensions
{
    public static ILedBuilder AddPca(this ILedBuilder builder) => builder.AddAutoencoder<PcaAutoencoder, PcaOptions>("Pca");
}
