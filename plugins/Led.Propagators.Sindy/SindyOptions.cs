using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Propagators.Sindy;

/// <summary>
/// Options of the <c>Sindy</c> propagator; the defaults are the paper's FHN AE-SINDy model (polynomial order 3,
/// threshold 1e−5) with pysindy's other defaults (bias, ridge α 0.05, 20 iterations).
/// </summary>
public sealed class SindyOptions : IShapeOptions, IValidatableObject
{
    /// <summary>Highest total degree of the polynomial library.</summary>
    [Range(1, 8, ErrorMessage = "degree must be between 1 and 8")]
    public int Degree { get; set; } = 3;

    /// <summary>Whether the library holds the constant term.</summary>
    public bool Bias { get; set; } = true;

    /// <summary>STLSQ threshold: coefficients of smaller magnitude are set to zero.</summary>
    [Range(0.0, 1e12, ErrorMessage = "threshold must be ≥ 0")]
    public double Threshold { get; set; } = 1e-5;

    /// <summary>Ridge regularisation α of the STLSQ regressions (the final fit on the kept terms is unregularised, as pysindy's).</summary>
    [Range(0.0, 1e12, ErrorMessage = "alpha must be ≥ 0")]
    public double Alpha { get; set; } = 0.05;

    /// <summary>Most thresholding iterations of STLSQ.</summary>
    [Range(1, 10000, ErrorMessage = "maxIterations must be between 1 and 10000")]
    public int MaxIterations { get; set; } = 20;

    /// <summary>
    /// Δt between latent states: the step of the finite differences and of each forecast. Unset, it is the system's coarse
    /// time step where the host hands the system to the propagator; otherwise it must be set.
    /// </summary>
    [Range(1e-300, double.MaxValue, ErrorMessage = "timeStep must be positive")]
    public double? TimeStep { get; set; }

    /// <summary>
    /// Savitzky–Golay smoothing of the trajectories before differentiation (the reference's sindy_smoother_window_size):
    /// the odd number of samples each least-squares polynomial spans, counted after <see cref="InterpolationFactor"/>;
    /// 0: no smoothing. The library is evaluated at the smoothed states too.
    /// </summary>
    [Range(0, 100001, ErrorMessage = "smootherWindow must be 0 (off) or an odd number of samples")]
    public int SmootherWindow { get; set; }

    /// <summary>Degree of the Savitzky–Golay polynomials (the reference's: 3); below <see cref="SmootherWindow"/>.</summary>
    [Range(0, 20, ErrorMessage = "smootherOrder must be between 0 and 20")]
    public int SmootherOrder { get; set; } = 3;

    /// <summary>
    /// Cubic (not-a-knot spline) interpolation of the trajectories to Δt/k before fitting (the reference's interp_factor):
    /// the finite differences then step Δt/k. Forecasts still step Δt. 1: none.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "interpolationFactor must be between 1 and 1000")]
    public int InterpolationFactor { get; set; } = 1;

    /// <summary>Relative tolerance of the Dormand–Prince integration.</summary>
    [Range(1e-14, 1.0, ErrorMessage = "relativeTolerance must be in [1e-14, 1]")]
    public double RelativeTolerance { get; set; } = 1e-6;

    /// <summary>Absolute tolerance of the Dormand–Prince integration.</summary>
    [Range(1e-300, 1.0, ErrorMessage = "absoluteTolerance must be in (0, 1]")]
    public double AbsoluteTolerance { get; set; } = 1e-9;

    /// <summary>Most Dormand–Prince steps over one Δt; a trajectory that needs more (a stiff or diverging model) becomes NaN.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "maxSteps must be ≥ 1")]
    public int MaxSteps { get; set; } = 10000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SmootherWindow > 0 && SmootherWindow % 2 == 0)
            yield return new ValidationResult($"smootherWindow must be odd (samples centred on each one), got {SmootherWindow}: use {SmootherWindow + 1}", [nameof(SmootherWindow)]);
        else if (SmootherWindow > 0 && SmootherOrder >= SmootherWindow)
            yield return new ValidationResult($"smootherOrder ({SmootherOrder}) must be below smootherWindow ({SmootherWindow})", [nameof(SmootherOrder)]);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "Sindy");

    /// <summary>Checks the options and that there is a time step (<see cref="TimeStep"/> or the system's coarse Δt); the latent space is the one given.</summary>
    /// <exception cref="ArgumentException">Invalid options, or no time step.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        ThrowIfInvalid();
        StepOrThrow(TimeStep ?? system?.CoarseTimeStep);
        return latent;
    }

    /// <summary>The time step between latent states, refused when missing or not a positive finite number.</summary>
    internal static double StepOrThrow(double? timeStep) =>
        timeStep is double dt && dt > 0 && double.IsFinite(dt) ? dt
            : throw new ArgumentException("the Sindy propagator needs the time step between latent states: set its timeStep option to the system's coarse Δt");
}
