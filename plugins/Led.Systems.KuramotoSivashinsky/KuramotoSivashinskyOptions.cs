using System.ComponentModel.DataAnnotations;
using System.Numerics;
using Led.Toolkit.Validation;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>Options of the <c>KuramotoSivashinsky</c> system; the defaults are the reference's KSGP64L22 setup.</summary>
public sealed class KuramotoSivashinskyOptions : IValidatableObject
{
    /// <summary>Domain length L of the periodic domain [0, L).</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "Length must be a positive, finite domain length (the reference uses 22).")]
    public double Length { get; set; } = 22;

    /// <summary>Grid points N (a power of two, at least 8).</summary>
    [Range(8, 1 << 20, ErrorMessage = "GridPoints must be between 8 and 1048576 (the reference uses 64).")]
    public int GridPoints { get; set; } = 64;

    /// <summary>ETDRK4 micro step δt.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "MicroStep must be a positive, finite time step (the reference uses 2.5e-4).")]
    public double MicroStep { get; set; } = 2.5e-4;

    /// <summary>Coarse step Δt between observed snapshots; an integer multiple of <see cref="MicroStep"/>.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "CoarseStep must be a positive, finite time step (the reference uses 0.25).")]
    public double CoarseStep { get; set; } = 0.25;

    /// <summary>Amplitude a of the random initial condition u₀ = a·(U(0,1) − ½).</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "InitialAmplitude must be non-negative and finite (the reference uses 0.01).")]
    public double InitialAmplitude { get; set; } = 0.01;

    /// <summary>Contour points M on the upper half circle for the ETDRK4 coefficients.</summary>
    [Range(16, 4096, ErrorMessage = "ContourPoints must be between 16 and 4096 (the reference uses 62).")]
    public int ContourPoints { get; set; } = 62;

    /// <summary>Micro steps per coarse step, CoarseStep/MicroStep rounded.</summary>
    public long MicroStepsPerCoarseStep => (long)Math.Round(CoarseStep / MicroStep);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GridPoints % 2 != 0 || GridPoints < 8)
            yield return new ValidationResult(
                $"GridPoints ({GridPoints}) must be even and at least 8; use e.g. 64.", [nameof(GridPoints)]);
        else if (!BitOperations.IsPow2(GridPoints))
            yield return new ValidationResult(
                $"GridPoints ({GridPoints}) must be a power of two for the radix-2 FFT; use e.g. {BitOperations.RoundUpToPowerOf2((uint)GridPoints)}.",
                [nameof(GridPoints)]);

        if (MicroStep > 0 && CoarseStep > 0 && double.IsFinite(MicroStep) && double.IsFinite(CoarseStep))
        {
            double ratio = CoarseStep / MicroStep;
            double whole = Math.Round(ratio);
            if (whole < 1 || Math.Abs(ratio - whole) > 1e-9 * ratio)
                yield return new ValidationResult(
                    $"CoarseStep ({CoarseStep}) must be an integer multiple of MicroStep ({MicroStep}) within 1e-9 relative " +
                    $"(the ratio is {ratio}); set CoarseStep to n·MicroStep, e.g. {Math.Max(1, whole) * MicroStep}.",
                    [nameof(CoarseStep), nameof(MicroStep)]);
        }
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "KuramotoSivashinsky");
}
