using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Propagators.ReservoirComputer;

/// <summary>
/// Options of the <c>ReservoirComputer</c> propagator; the defaults are the paper's FHN AE-RC model (size 1000, degree 10,
/// radius 0.99, σ 1, β 1e−5, wash-out 100).
/// </summary>
public sealed class ReservoirComputerOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Reservoir units N, rounded up to a multiple of d_z so that every latent dimension drives N/d_z of them.</summary>
    [Range(1, 1 << 20, ErrorMessage = "size must be between 1 and 1048576")]
    public int Size { get; set; } = 1000;

    /// <summary>Mean non-zero entries per row of the reservoir matrix (N · degree non-zeros in all).</summary>
    [Range(1, 1 << 20, ErrorMessage = "degree must be a positive integer")]
    public int Degree { get; set; } = 10;

    /// <summary>Spectral radius the reservoir matrix is scaled to.</summary>
    [Range(1e-6, 1e6, ErrorMessage = "radius must be in [1e-6, 1e6]")]
    public double Radius { get; set; } = 0.99;

    /// <summary>Input scaling σ: input weights are drawn from σ·U(−1, 1).</summary>
    [Range(0.0, 1e6, ErrorMessage = "inputScaling must be in [0, 1e6]")]
    public double InputScaling { get; set; } = 1.0;

    /// <summary>Ridge regularisation β of the read-out.</summary>
    [Range(0.0, 1e6, ErrorMessage = "regularization must be in [0, 1e6]")]
    public double Regularization { get; set; } = 1e-5;

    /// <summary>Steps at the start of each training trajectory that drive the reservoir but are not fitted.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "washOut must be ≥ 0")]
    public int WashOut { get; set; } = 100;

    /// <summary>Standard deviation of the Gaussian noise added to the inputs while fitting (scaled latent units; 0: none, as the reference).</summary>
    [Range(0.0, 1e3, ErrorMessage = "noise must be in [0, 1000]")]
    public double Noise { get; set; }

    /// <summary>Leak rate a: h ← (1 − a) h + a tanh(W h + W_in z). None (the reference): h ← tanh(W h + W_in z).</summary>
    [Range(1e-6, 1.0, ErrorMessage = "leakRate must be in (0, 1]")]
    public double? LeakRate { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Degree > Size)
            yield return new ValidationResult($"degree {Degree} exceeds size {Size}", [nameof(Degree)]);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "ReservoirComputer");

    /// <summary>Checks the options (a reservoir takes any latent dimension); the latent space is the one given.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        ThrowIfInvalid();
        return latent;
    }
}
