using System.ComponentModel.DataAnnotations;

namespace MySystem;

/// <summary>
/// The system's options, bound from the config's <c>system.options</c> (camelCase keys) and validated by the host before
/// any work: every error is reported with its JSON path.
/// </summary>
public sealed class MySystemOptions : IValidatableObject
{
    /// <summary>Number of variables K on the ring.</summary>
    [Range(4, 100000, ErrorMessage = "variables must be between 4 and 100000")]
    public int Variables { get; set; } = 8;

    /// <summary>Forcing F (8 gives chaos).</summary>
    [Range(-1000.0, 1000.0, ErrorMessage = "forcing must be between -1000 and 1000")]
    public double Forcing { get; set; } = 8.0;

    /// <summary>Micro (solver) time step δt.</summary>
    [Range(1e-6, 0.05, ErrorMessage = "microStep must be in [1e-6, 0.05] (RK4 is unstable for Lorenz-96 above about 0.05)")]
    public double MicroStep { get; set; } = 0.01;

    /// <summary>Coarse time step Δt between observed snapshots: a whole number of micro steps.</summary>
    [Range(1e-6, 100.0, ErrorMessage = "coarseStep must be in (0, 100]")]
    public double CoarseStep { get; set; } = 0.05;

    /// <summary>Micro steps per coarse step.</summary>
    public int MicroStepsPerCoarseStep => (int)Math.Round(CoarseStep / MicroStep);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        double ratio = CoarseStep / MicroStep;
        if (Math.Abs(ratio - Math.Round(ratio)) > 1e-9 * ratio || Math.Round(ratio) < 1)
            yield return new ValidationResult($"coarseStep ({CoarseStep}) must be a whole multiple of microStep ({MicroStep})",
                [nameof(CoarseStep)]);
    }
}
