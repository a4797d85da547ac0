using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;

namespace Led.Systems.FitzHughNagumo;

/// <summary>
/// Parameters of the FitzHugh–Nagumo lattice-Boltzmann system (config section <c>system.options</c>).
/// The defaults are the reference's (reference-spec §1.1); the <c>Initial…</c>, <c>SpinUpTime</c> and
/// <c>PeriodEstimationTime</c> settings control the project's own limit-cycle initial conditions.
/// </summary>
public sealed class FitzHughNagumoOptions : IValidatableObject
{
    /// <summary>Activator diffusivity D_u.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite diffusivity (the reference uses 1).")]
    public double DiffusionU { get; set; } = 1.0;

    /// <summary>Inhibitor diffusivity D_v.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite diffusivity (the reference uses 4).")]
    public double DiffusionV { get; set; } = 4.0;

    /// <summary>Time-scale ratio ε of the inhibitor reaction ε(u − a1·v − a0).</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "{0} must be a finite number ≥ 0 (the reference uses 0.006).")]
    public double Epsilon { get; set; } = 0.006;

    /// <summary>Offset a0 of the inhibitor reaction.</summary>
    public double A0 { get; set; } = -0.03;

    /// <summary>Inhibitor self-coupling a1.</summary>
    public double A1 { get; set; } = 2.0;

    /// <summary>Domain length L; the domain is [0, L] with no-flux-like ends.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite length (the reference uses 20).")]
    public double Length { get; set; } = 20.0;

    /// <summary>Lattice nodes including both ends (grid spacing L/(Nodes − 1)).</summary>
    [Range(3, int.MaxValue, ErrorMessage = "{0} must be at least 3 (the reference uses 101).")]
    public int Nodes { get; set; } = 101;

    /// <summary>Lattice-Boltzmann time step δt.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite time step (the reference uses 0.005).")]
    public double MicroStep { get; set; } = 0.005;

    /// <summary>Coarse time step Δt between observed snapshots (an integer multiple of <see cref="MicroStep"/>).</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite time step (the reference uses 1).")]
    public double CoarseStep { get; set; } = 1.0;

    /// <summary>Where the tanh front of the generated initial state sits, in [0, Length].</summary>
    public double InitialFrontPosition { get; set; } = 10.0;

    /// <summary>Width w of the generated front u = tanh((x − x0)/w).</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite width (e.g. 1).")]
    public double InitialFrontWidth { get; set; } = 1.0;

    /// <summary>Inhibitor of the generated initial state at x = 0 (a linear ramp to <see cref="InitialInhibitorRight"/>).</summary>
    public double InitialInhibitorLeft { get; set; } = -0.05;

    /// <summary>Inhibitor of the generated initial state at x = L.</summary>
    public double InitialInhibitorRight { get; set; } = 0.1;

    /// <summary>
    /// Time run from the generated front before it counts as on the limit cycle (period ≈ 186). The distance to the
    /// cycle shrinks only by ≈ 0.47 per period, so the default 3000 (≈ 16 periods) leaves the period within ≈ 1e−3.
    /// </summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "{0} must be a finite time ≥ 0 (e.g. 3000, about 16 periods of ≈ 186).")]
    public double SpinUpTime { get; set; } = 3000.0;

    /// <summary>Time over which the limit-cycle period is measured (must hold at least two upward zero crossings).</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true,
        ErrorMessage = "{0} must be a positive finite time (e.g. 1000, more than five periods of ≈ 186).")]
    public double PeriodEstimationTime { get; set; } = 1000.0;

    /// <summary>Grid spacing dx = L/(Nodes − 1).</summary>
    public double GridSpacing => Length / (Nodes - 1);

    /// <summary>Relaxation rate ω_u = 2/(1 + 3·D_u·δt/dx²).</summary>
    public double OmegaU => Omega(DiffusionU);

    /// <summary>Relaxation rate ω_v = 2/(1 + 3·D_v·δt/dx²).</summary>
    public double OmegaV => Omega(DiffusionV);

    /// <summary>Micro steps per coarse step, round(Δt/δt).</summary>
    public int MicroStepsPerCoarseStep => (int)Math.Round(CoarseStep / MicroStep);

    // Same operation order as the reference: 2/(1 + 3*D*dt/(dx*dx)).
    private double Omega(double diffusion)
    {
        double dx = GridSpacing;
        return 2.0 / (1.0 + 3.0 * diffusion * MicroStep / (dx * dx));
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!double.IsFinite(A0))
            yield return new ValidationResult("A0 must be a finite number (the reference uses -0.03).", [nameof(A0)]);
        if (!double.IsFinite(A1))
            yield return new ValidationResult("A1 must be a finite number (the reference uses 2).", [nameof(A1)]);
        if (!double.IsFinite(InitialInhibitorLeft))
            yield return new ValidationResult("InitialInhibitorLeft must be a finite number (e.g. -0.05).", [nameof(InitialInhibitorLeft)]);
        if (!double.IsFinite(InitialInhibitorRight))
            yield return new ValidationResult("InitialInhibitorRight must be a finite number (e.g. 0.1).", [nameof(InitialInhibitorRight)]);
        if (double.IsFinite(Length) && Length > 0 && !(InitialFrontPosition >= 0 && InitialFrontPosition <= Length))
            yield return new ValidationResult(
                $"InitialFrontPosition = {InitialFrontPosition} lies outside the domain [0, {Length}]; pick a point inside it (e.g. Length/2).",
                [nameof(InitialFrontPosition)]);

        bool stepsValid = MicroStep > 0 && double.IsFinite(MicroStep) && CoarseStep > 0 && double.IsFinite(CoarseStep);
        if (stepsValid)
        {
            double ratio = CoarseStep / MicroStep;
            if (ratio < 0.5 || Math.Abs(ratio - Math.Round(ratio)) > 1e-6 || ratio > int.MaxValue)
                yield return new ValidationResult(
                    $"CoarseStep = {CoarseStep} is not an integer multiple of MicroStep = {MicroStep} (ratio {ratio}); " +
                    "set CoarseStep to k·MicroStep for an integer k ≥ 1 (the reference uses 1 = 200 × 0.005).",
                    [nameof(CoarseStep), nameof(MicroStep)]);
        }

        bool gridValid = Nodes >= 3 && Length > 0 && double.IsFinite(Length);
        if (stepsValid && gridValid)
        {
            foreach ((string name, double diffusion, double omega) in
                     new[] { (nameof(DiffusionU), DiffusionU, OmegaU), (nameof(DiffusionV), DiffusionV, OmegaV) })
            {
                if (diffusion > 0 && double.IsFinite(diffusion) && !(omega > 0 && omega < 2))
                    yield return new ValidationResult(
                        $"{name} = {diffusion} gives the relaxation rate ω = 2/(1 + 3·D·δt/dx²) = {omega}, outside the stable " +
                        "range (0, 2); increase MicroStep or the diffusivity, or coarsen the grid (fewer Nodes).",
                        [name, nameof(MicroStep), nameof(Nodes)]);
            }
            if (OmegaU is > 0 and < 2 && OmegaV is > 0 and < 2 && MicroStep > MaxMicroStep)
                yield return new ValidationResult(
                    $"MicroStep = {MicroStep} is too large for the grid: the lattice moves populations one node per step, at " +
                    $"dx/δt = {GridSpacing / MicroStep:G4}, below twice the activator's front speed, 4·√DiffusionU = " +
                    $"{4 * Math.Sqrt(DiffusionU):G4}, so the limit cycle dies out; use MicroStep ≤ dx/(4·√DiffusionU) = " +
                    $"{MaxMicroStep:G4} (the reference uses 0.005), keeping CoarseStep a whole multiple of it.",
                    [nameof(MicroStep), nameof(Nodes), nameof(DiffusionU)]);
        }
        if (stepsValid && PeriodEstimationTime > 0 && double.IsFinite(PeriodEstimationTime)
            && Math.Abs(PeriodEstimationTime / MicroStep - Math.Round(PeriodEstimationTime / MicroStep)) > 1e-6 * Math.Max(1.0, Math.Round(PeriodEstimationTime / MicroStep)))
            yield return new ValidationResult(
                $"PeriodEstimationTime = {PeriodEstimationTime} is not a whole number of micro steps δt = {MicroStep}; make it a multiple of MicroStep " +
                "(e.g. 1000 with the reference's 0.005).",
                [nameof(PeriodEstimationTime), nameof(MicroStep)]);
    }

    /// <summary>
    /// The largest micro step the lattice carries the activator's fronts with, dx/(4·√D_u): the D1Q3 lattice moves
    /// populations one node per step, so nothing travels faster than dx/δt, and a front of u_t = D_u·u_xx + u − u³ − v
    /// spreads at up to 2·√D_u (the linear spreading speed at u = 0, where the reaction's rate 1 − 3u² is largest). With
    /// dx/δt below about twice that speed the lattice lags the front and the limit cycle dies out: with the reference's
    /// parameters it still oscillates at δt = 0.05 (dx/δt = 4) and no longer at δt = 0.0625 (3.2), and on a grid twice as
    /// coarse (dx = 0.4) at δt = 0.1 but not at 0.125 (`led simulate --trajectory 3` with <c>system.options.microStep</c>,
    /// <c>coarseStep</c> and <c>nodes</c> set).
    /// </summary>
    public double MaxMicroStep => GridSpacing / (4 * Math.Sqrt(DiffusionU));

    /// <summary>Every validation error (attributes and cross-property rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> ValidationErrors() => OptionsValidation.Errors(this);

    /// <summary>A copy, so a system is not changed by later edits of the options it was built from.</summary>
    internal FitzHughNagumoOptions Clone() => (FitzHughNagumoOptions)MemberwiseClone();

    /// <summary>Throws a <see cref="ValidationException"/> listing every error when the options are invalid.</summary>
    public void EnsureValid()
    {
        var errors = ValidationErrors();
        if (errors.Count > 0)
            throw new ValidationException("Invalid FitzHughNagumo options: " + string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }
}
