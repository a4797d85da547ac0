using System.ComponentModel.DataAnnotations;

namespace MyAutoencoder;

/// <summary>The autoencoder's options, bound from the config's <c>encoder.options</c> and validated by the host before any work.</summary>
public sealed class MyAutoencoderOptions
{
    /// <summary>Latent dimension d_z.</summary>
    [Range(1, 4096, ErrorMessage = "latentDim must be between 1 and 4096")]
    public int LatentDim { get; set; } = 4;

    /// <summary>Hidden units of the encoder's and the decoder's hidden layer.</summary>
    [Range(1, 65536, ErrorMessage = "hidden must be between 1 and 65536")]
    public int Hidden { get; set; } = 64;
}
