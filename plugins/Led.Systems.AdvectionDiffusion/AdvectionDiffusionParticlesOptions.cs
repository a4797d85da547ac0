using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>
/// Parameters of the <c>AdvectionDiffusionParticles</c> system (config section <c>system.options</c>). The defaults are
/// the reference's AD3D setup: 1000 particles from the origin in the box [−0.5, 0.5]³, δt = 0.01, Δt = 1,
/// A = (1, 1.74, 0), ω = (0.2, 1, 0.5).
/// <para>
/// Diffusion convention (the reference's): a micro step adds N(0, D·δt) per coordinate, so the per-axis variance grows as
/// D·t and <see cref="Diffusion"/> is twice the physical diffusion coefficient of ∂p/∂t = κ∇²p (κ = D/2).
/// </para>
/// </summary>
public sealed class AdvectionDiffusionParticlesOptions : IValidatableObject
{
    /// <summary>Number of particles N.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Particles must be between 1 and 10000000 (the reference uses 1000).")]
    public int Particles { get; set; } = 1000;

    /// <summary>D in the reference's convention (variance D·t per axis; twice the physical coefficient). The reference used 0.005–0.2.</summary>
    [Range(0.0, 1e6, ErrorMessage = "Diffusion must be in [0, 1e6] (the reference used 0.005 to 0.2).")]
    public double Diffusion { get; set; } = 0.05;

    /// <summary>Micro step δt of the Euler–Maruyama scheme.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "MicroStep must be a positive, finite time step (the reference uses 0.01).")]
    public double MicroStep { get; set; } = 0.01;

    /// <summary>Coarse step Δt between observed snapshots; an integer multiple of <see cref="MicroStep"/>.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "CoarseStep must be a positive, finite time step (the reference uses 1).")]
    public double CoarseStep { get; set; } = 1.0;

    /// <summary>Drift amplitudes A (x, y, z) of the velocity A∘cos(ωt).</summary>
    public double[] Amplitude { get; set; } = [1.0, 1.74, 0.0];

    /// <summary>Drift angular frequencies ω (x, y, z).</summary>
    public double[] Frequency { get; set; } = [0.2, 1.0, 0.5];

    /// <summary>Edge length L of the box [−L/2, L/2]³.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "BoxLength must be a positive, finite length (the reference uses 1).")]
    public double BoxLength { get; set; } = 1.0;

    /// <summary>Reflective walls (the reference). false: free space, for validation against closed-form moments.</summary>
    public bool Reflective { get; set; } = true;

    /// <summary>Micro steps per coarse step, round(Δt/δt).</summary>
    public int MicroStepsPerCoarseStep => (int)Math.Round(CoarseStep / MicroStep);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, values) in new[] { (nameof(Amplitude), Amplitude), (nameof(Frequency), Frequency) })
            if (values is null || values.Length != 3 || values.Any(v => !double.IsFinite(v)))
                yield return new ValidationResult(
                    $"{name} must be three finite numbers (x, y, z), e.g. {(name == nameof(Amplitude) ? "[1, 1.74, 0]" : "[0.2, 1, 0.5]")}.", [name]);
        if (MicroStep > 0 && double.IsFinite(MicroStep) && CoarseStep > 0 && double.IsFinite(CoarseStep))
        {
            double ratio = CoarseStep / MicroStep;
            if (ratio < 0.5 || Math.Abs(ratio - Math.Round(ratio)) > 1e-6 || ratio > int.MaxValue)
                yield return new ValidationResult(
                    $"CoarseStep = {CoarseStep} is not an integer multiple of MicroStep = {MicroStep} (ratio {ratio}); " +
                    "set CoarseStep to k·MicroStep for an integer k ≥ 1 (the reference uses 1 = 100 × 0.01).",
                    [nameof(CoarseStep), nameof(MicroStep)]);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void EnsureValid() => OptionsValidation.ThrowIfInvalid(this, "AdvectionDiffusionParticles");

    /// <summary>A copy, so a system is not changed by later edits of the options it was built from.</summary>
    internal AdvectionDiffusionParticlesOptions Clone()
    {
        var copy = (AdvectionDiffusionParticlesOptions)MemberwiseClone();
        copy.Amplitude = (double[])Amplitude.Clone();
        copy.Frequency = (double[])Frequency.Clone();
        return copy;
    }
}
