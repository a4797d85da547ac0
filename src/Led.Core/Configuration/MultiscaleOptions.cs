using System.ComponentModel.DataAnnotations;

namespace Led.Core.Configuration;

/// <summary>Multiscale-LED sweep: every combination of micro and macro step counts (coarse steps).</summary>
public sealed class MultiscaleOptions : IValidatableObject
{
    public List<int> MicroSteps { get; set; } = new();

    /// <summary>0 is the pure micro solver (the timing reference); a value ≥ the horizon is Latent-LED.</summary>
    public List<int> MacroSteps { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MicroSteps.Any(m => m < 1)) yield return new ValidationResult("microSteps must all be ≥ 1", [nameof(MicroSteps)]);
        if (MacroSteps.Any(m => m < 0)) yield return new ValidationResult("macroSteps must all be ≥ 0", [nameof(MacroSteps)]);
    }
}
