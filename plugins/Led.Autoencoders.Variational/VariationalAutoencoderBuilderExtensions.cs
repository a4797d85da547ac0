using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Variational;

/// <summary>Registration of the variational autoencoder on an <see cref="ILedBuilder"/>.</summary>
public static class VariationalAutoencoderBuilderExtensions
{
    /// <summary>Offers <see cref="VariationalAutoencoder"/> under the name <c>VariationalAutoencoder</c>.</summary>
    public static ILedBuilder AddVariationalAutoencoder(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAutoencoder<VariationalAutoencoder, VariationalAutoencoderOptions>("VariationalAutoencoder");
    }
}
