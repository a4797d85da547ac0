using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.Autoencoders.DiffusionMaps;

/// <summary>
/// Options of the <c>DiffusionMaps</c> encoder/decoder; the defaults are the reference's (kernel width 5 × the median
/// pairwise distance, 10 lifting neighbours) with at most 3000 landmarks.
/// </summary>
public sealed class DiffusionMapsOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Diffusion coordinates kept (d_z): the eigenvectors 2 … d_z + 1 of the Markov matrix.</summary>
    [Range(1, 1 << 20, ErrorMessage = "latentDim must be ≥ 1")]
    public int LatentDim { get; set; } = 8;

    /// <summary>w in the kernel width ε = w · median of the pairwise distances of the landmarks.</summary>
    [Range(1e-6, 1e6, ErrorMessage = "epsilonFactor must be in [1e-6, 1e6]")]
    public double EpsilonFactor { get; set; } = 5.0;

    /// <summary>Nearest training latents k whose frames the decoder combines (the lifting).</summary>
    [Range(1, 1 << 16, ErrorMessage = "neighbors must be between 1 and 65536")]
    public int Neighbors { get; set; } = 10;

    /// <summary>
    /// Most training frames the kernel and its eigenvectors are built on (the landmarks, every (N/L)-th distinct frame in
    /// order); every distinct frame remains a lifting neighbour. The fit costs O(L³) time and O(L²) memory.
    /// </summary>
    [Range(2, 1 << 15, ErrorMessage = "maxLandmarks must be between 2 and 32768")]
    public int MaxLandmarks { get; set; } = 3000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxLandmarks <= LatentDim)
            yield return new ValidationResult(
                $"maxLandmarks {MaxLandmarks} must exceed latentDim {LatentDim} (d_z + 1 eigenvectors of the landmark kernel are needed): raise maxLandmarks to at least {LatentDim + 1}",
                [nameof(MaxLandmarks)]);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "DiffusionMaps");

    /// <summary>Checks the options; the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ThrowIfInvalid();
        return new LatentSpace(LatentDim);
    }
}
