using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Convolutional;

/// <summary>Registration of the 1-D convolutional autoencoder on an <see cref="ILedBuilder"/>.</summary>
public static class ConvAutoencoder1DBuilderExtensions
{
    /// <summary>Offers <see cref="ConvAutoencoder1D"/> under the name <c>ConvAutoencoder1D</c>.</summary>
    public static ILedBuilder AddConvAutoencoder1D(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAutoencoder<ConvAutoencoder1D, ConvAutoencoder1DOptions>("ConvAutoencoder1D");
    }
}
