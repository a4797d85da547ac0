using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// Options of the <c>MlpAutoencoder</c> autoencoder (reference flag <c>-AUTO_&lt;Layers&gt;x&lt;Width&gt;</c>); the defaults are
/// the paper's FHN model, 3×100 with d_z = 2.
/// </summary>
public sealed class MlpAutoencoderOptions : IShapeOptions
{
    /// <summary>Latent dimension d_z.</summary>
    [Range(1, 1 << 20, ErrorMessage = "LatentDim must be a positive integer (the paper's FHN model uses 2).")]
    public int LatentDim { get; set; } = 2;

    /// <summary>Hidden layers n of the encoder (and of the decoder): one input layer and n − 1 residual ones.</summary>
    [Range(1, 64, ErrorMessage = "Layers must be between 1 and 64 (the paper's FHN model uses 3).")]
    public int Layers { get; set; } = 3;

    /// <summary>Width w of every hidden layer.</summary>
    [Range(1, 1 << 16, ErrorMessage = "Width must be between 1 and 65536 (the paper's FHN model uses 100).")]
    public int Width { get; set; } = 100;

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "MlpAutoencoder");

    /// <summary>Checks the options and that the observable is not empty; the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">Invalid options or an empty observable.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ThrowIfInvalid();
        if (system.Channels.Count < 1 || system.Shape.Any(s => s < 1))
            throw new ArgumentException(
                $"MlpAutoencoder needs at least one channel and one grid point per dimension, but the system's observable shape is [{string.Join(", ", system.Shape)}].",
                nameof(system));
        return new LatentSpace(LatentDim);
    }
}
