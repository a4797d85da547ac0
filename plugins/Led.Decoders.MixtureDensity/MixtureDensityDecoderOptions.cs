using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.Decoders.MixtureDensity;

/// <summary>Options of the <c>MixtureDensityDecoder</c>.</summary>
public sealed class MixtureDensityDecoderOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Number of mixture components K (1: a single Gaussian kernel).</summary>
    [Range(1, 256, ErrorMessage = "components must be in [1, 256]")]
    public int Components { get; set; } = 5;

    /// <summary>Hidden widths of the MLP from the latent to the mixture parameters.</summary>
    public int[] Layers { get; set; } = [64, 64];

    /// <summary>
    /// Model the logit y = log(x/(1 − x)) of the [0, 1]-scaled coordinates (the reference's bounded option): the mixture
    /// lives in logit space, samples stay inside the box.
    /// </summary>
    public bool Logit { get; set; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Layers is null || Layers.Any(w => w < 1))
            yield return new ValidationResult("layers must list positive widths, e.g. [64, 64]", [nameof(Layers)]);
    }

    /// <summary>Checks the options against the system (a point set); the latent space is the one given.</summary>
    /// <exception cref="ArgumentException">Invalid options, no latent space, or a system that is not a point set.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        OptionsValidation.ThrowIfInvalid(this, "MixtureDensityDecoder");
        if (system.Observable is not PointSetObservable)
            throw new ArgumentException($"decoder.name: MixtureDensityDecoder decodes point sets; this system's observable is a {system.Kind}");
        return latent;
    }
}
