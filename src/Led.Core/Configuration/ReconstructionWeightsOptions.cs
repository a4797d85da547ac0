using System.ComponentModel.DataAnnotations;

namespace Led.Core.Configuration;

/// <summary>
/// Weighs the autoencoder's reconstruction loss point by point from a fixed field of the dataset (config section
/// <c>training.reconstructionWeights</c>), e.g. the cylinder's near-body cells, whose few values set the forces but weigh
/// nothing against the wake in a plain MSE. Every grid point within <see cref="Radius"/> cells (Chebyshev distance: the
/// largest index difference over the axes) of a point where <see cref="Field"/> is non-zero gets <see cref="Weight"/>,
/// every other point 1, the same for every channel; the weights are then divided by their mean, so that the loss keeps
/// its scale (and the learning rate its meaning). It weighs the autoencoder's training and validation loss (sequential
/// mode, end-to-end pre-training and the end-to-end reconstruction term); the reported reconstruction MSEs stay unweighted.
/// </summary>
public sealed class ReconstructionWeightsOptions : IValidatableObject
{
    /// <summary>The name of a fixed field of the dataset (the system's <c>IDatasetMetadata.Fields</c>, or <c>/fields/&lt;name&gt;</c> of <c>data.path</c>), e.g. <c>mask</c>.</summary>
    public string Field { get; set; } = "";

    /// <summary>Grid cells (Chebyshev distance) around the field's non-zero points that are weighted; 0: those points only.</summary>
    [Range(0, 1 << 20, ErrorMessage = "radius must be ≥ 0 (grid cells around the field's non-zero points)")]
    public int Radius { get; set; } = 3;

    /// <summary>The weight of the points near the field's non-zero points, relative to 1 elsewhere (before the normalisation to mean 1).</summary>
    public double Weight { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Field))
            yield return new ValidationResult("field: name the dataset's fixed field to weigh by, e.g. \"mask\"", [nameof(Field)]);
        if (!(Weight > 0) || !double.IsFinite(Weight))
            yield return new ValidationResult($"weight must be a finite number > 0 (got {Weight}); 1 weighs every point alike", [nameof(Weight)]);
    }
}
