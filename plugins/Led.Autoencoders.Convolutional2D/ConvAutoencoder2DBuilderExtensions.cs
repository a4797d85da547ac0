using Led.Abstractions.Plugins;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>Registration of the 2-D convolutional autoencoder on an <see cref="ILedBuilder"/>.</summary>
public static class ConvAutoencoder2DBuilderExtensions
{
    /// <summary>Offers <see cref="ConvAutoencoder2D"/> under the name <c>ConvAutoencoder2D</c>.</summary>
    public static ILedBuilder AddConvAutoencoder2D(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAutoencoder<ConvAutoencoder2D, ConvAutoencoder2DOptions>("ConvAutoencoder2D");
    }
}
