using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Mlp;

/// <summary>Registration of the fully connected autoencoder on an <see cref="ILedBuilder"/>.</summary>
public static class MlpAutoencoderBuilderExtensions
{
    /// <summary>Offers <see cref="MlpAutoencoder"/> under the name <c>MlpAutoencoder</c>.</summary>
    public static ILedBuilder AddMlpAutoencoder(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAutoencoder<MlpAutoencoder, MlpAutoencoderOptions>("MlpAutoencoder");
    }
}
