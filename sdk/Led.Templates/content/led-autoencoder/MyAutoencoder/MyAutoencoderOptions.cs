using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace MyAutoencoder;

/// <summary>
/// The autoencoder's options, bound from the config's <c>encoder.options</c> and validated by the host before any work;
/// <see cref="IShapeOptions"/> lets <c>led validate</c> check them against the system's shape without building the network.
/// </summary>
public sealed class MyAutoencoderOptions : IShapeOptions
{
    /// <summary>Latent dimension d_z.</summary>
    [Range(1, 4096, ErrorMessage = "latentDim must be between 1 and 4096")]
    public int LatentDim { get; set; } = 4;

    /// <summary>Hidden units of the encoder's and the decoder's hidden layer.</summary>
    [Range(1, 65536, ErrorMessage = "hidden must be between 1 and 65536")]
    public int Hidden { get; set; } = 64;

    /// <inheritdoc/>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        if ((long)system.Size * Hidden > 1L << 31)
            throw new ArgumentException($"hidden = {Hidden} with {system.Size} state values makes a layer of more than 2^31 weights: lower hidden", nameof(system));
        return new LatentSpace(LatentDim);
    }
}
