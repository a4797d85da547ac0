using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.Encoders.PermutationInvariant;

/// <summary>Options of the <c>PermutationInvariantEncoder</c>.</summary>
public sealed class PermutationInvariantEncoderOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Latent dimension d_z (the reference's AD run: 16).</summary>
    [Range(1, 4096, ErrorMessage = "latentDim must be in [1, 4096] (the reference's particle run used 16)")]
    public int LatentDim { get; set; } = 16;

    /// <summary>Layer widths of the per-point MLP after the input; the last is the number of pooled features.</summary>
    public int[] PointLayers { get; set; } = [64, 64];

    /// <summary>Hidden widths of the MLP from the pooled features to the latent (empty: one linear layer).</summary>
    public int[] Layers { get; set; } = [64];

    /// <summary>The symmetric pooling over points: mean, min or max.</summary>
    public Pooling Pooling { get; set; } = Pooling.Mean;

    /// <summary>Encode only the first M points (the reference fed 400 of 1000 particles); 0: all points.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "particles must be ≥ 0 (0: all points)")]
    public int Particles { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PointLayers is null || PointLayers.Length == 0 || PointLayers.Any(w => w < 1))
            yield return new ValidationResult("pointLayers must list at least one positive width, e.g. [64, 64]", [nameof(PointLayers)]);
        if (Layers is null || Layers.Any(w => w < 1))
            yield return new ValidationResult("layers must list positive widths, e.g. [64] (or [] for one linear layer)", [nameof(Layers)]);
    }

    /// <summary>Checks the options against the system (a point set with at least <see cref="Particles"/> points); the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">Invalid options, or a system that is not a point set.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        OptionsValidation.ThrowIfInvalid(this, "PermutationInvariantEncoder");
        if (system.Observable is not PointSetObservable points)
            throw new ArgumentException($"encoder.name: PermutationInvariantEncoder encodes point sets; this system's observable is a {system.Kind}");
        if (Particles > points.Points)
            throw new ArgumentException($"encoder.options.particles: {Particles} exceeds the system's {points.Points} points; use at most {points.Points} (0: all)");
        return new LatentSpace(LatentDim);
    }
}
