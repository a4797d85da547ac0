using System.ComponentModel.DataAnnotations;

namespace Led.Propagators.Lstm;

/// <summary>Options of the <c>Lstm</c> propagator.</summary>
public sealed class LstmOptions : IValidatableObject
{
    /// <summary>Hidden units d_h (paper: 256 for KS, 32 for FHN).</summary>
    [Range(1, 65536, ErrorMessage = "hidden must be in [1, 65536]")]
    public int Hidden { get; set; } = 64;

    /// <summary>Activation of the linear output head: <c>tanhplus</c> (0.5 + 0.5·tanh, for [0, 1]-scaled latents) or <c>identity</c>.</summary>
    [RegularExpression("^(tanhplus|identity)$", ErrorMessage = "output must be 'tanhplus' or 'identity'")]
    public string Output { get; set; } = "tanhplus";

    /// <summary>
    /// Predict the increment: ẑ_{t+Δt} = z_t + W h_t + b (with <c>output</c> = <c>identity</c>). Not the paper's form (which
    /// predicts the state through tanhplus) but it learns the near-identity one-step map in far fewer epochs.
    /// </summary>
    public bool Residual { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Residual && Output != "identity")
            yield return new ValidationResult("residual = true adds the increment to the input, so output must be 'identity'", [nameof(Output)]);
    }
}
