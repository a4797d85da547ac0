using System.ComponentModel.DataAnnotations;
using System.Numerics;
using Led.Toolkit.Validation;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// Options of the <c>CylinderFlow</c> system: flow past a fixed circular cylinder, nondimensional (D = 1, U = 1,
/// ν = 1/Re, times in D/U). Defaults: Re 100 in the LED-like 10D × 5D box on 256 × 128 cells, snapshots every 0.2 D/U.
/// </summary>
public sealed class CylinderFlowOptions : IValidatableObject
{
    /// <summary>Reynolds number U·D/ν (on the mean inflow velocity).</summary>
    [Range(0.0, 1e5, MinimumIsExclusive = true, ErrorMessage = "Reynolds must be in (0, 1e5] (the paper uses 100 and 1000).")]
    public double Reynolds { get; set; } = 100;

    /// <summary>Geometry preset: <c>LED-like</c>, <c>validation</c> or <c>schaferTurek</c> (see <see cref="CylinderGeometry"/>).</summary>
    [Required(ErrorMessage = "Geometry is required: LED-like, validation or schaferTurek.")]
    public string Geometry { get; set; } = CylinderGeometry.LedLike;

    /// <summary>Cells in x (a power of two).</summary>
    [Range(8, 1 << 14, ErrorMessage = "Nx must be between 8 and 16384 (e.g. 256).")]
    public int Nx { get; set; } = 256;

    /// <summary>Cells in y (a power of two).</summary>
    [Range(8, 1 << 14, ErrorMessage = "Ny must be between 8 and 16384 (e.g. 128).")]
    public int Ny { get; set; } = 128;

    /// <summary>Interval between observed snapshots, in D/U (the paper's 0.2; its time unit may have been D/(2U)).</summary>
    [Range(0.0, 1e3, MinimumIsExclusive = true, ErrorMessage = "SamplingInterval must be in (0, 1000] D/U (default 0.2).")]
    public double SamplingInterval { get; set; } = 0.2;

    /// <summary>Brinkman penalization coefficient λ (results do not change between 1e3 and 1e5).</summary>
    [Range(1.0, 1e8, ErrorMessage = "Penalization must be in [1, 1e8] (default 1e4).")]
    public double Penalization { get; set; } = 1e4;

    /// <summary>Half-width ε of the mollified body indicator, in cells (0.5 measured best; keep ≤ 1).</summary>
    [Range(0.0, 2.0, ErrorMessage = "MollificationWidth must be in [0, 2] cells (default 0.5).")]
    public double MollificationWidth { get; set; } = 0.5;

    /// <summary>Courant number of Δt = CFL·h/(2U_max).</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "Cfl must be in (0, 1] (default 0.3).")]
    public double Cfl { get; set; } = 0.3;

    /// <summary>κ of the diffusive limit Δt ≤ κ·h²/ν (explicit diffusion under AB2 blew up at 0.12).</summary>
    [Range(0.0, 0.1, MinimumIsExclusive = true, ErrorMessage = "DiffusionNumber must be in (0, 0.1] (default 0.08).")]
    public double DiffusionNumber { get; set; } = 0.08;

    /// <summary>Peak v of the seeded Gaussian bump behind the cylinder that triggers shedding (×U; 0 = none).</summary>
    [Range(0.0, 1.0, ErrorMessage = "PerturbationAmplitude must be in [0, 1] (default 0.2).")]
    public double PerturbationAmplitude { get; set; } = 0.2;

    /// <summary>Lateral boundaries; null: free slip for LED-like and validation, no slip for schaferTurek.</summary>
    public LateralBoundary? LateralBoundary { get; set; }

    /// <summary>Threads of the row-parallel passes.</summary>
    [Range(1, 256, ErrorMessage = "Threads must be between 1 and 256 (default 2).")]
    public int Threads { get; set; } = 2;

    /// <summary>The resolved preset name, or null when <see cref="Geometry"/> names none.</summary>
    public string? Preset => CylinderGeometry.Resolve(Geometry);

    /// <summary>Domain height Ly in D.</summary>
    public double DomainHeight => Preset switch
    {
        CylinderGeometry.Validation => 10,
        CylinderGeometry.SchaferTurek => 4.1,
        _ => 5,
    };

    /// <summary>Cell size h = Ly/Ny.</summary>
    public double CellSize => DomainHeight / Ny;

    /// <summary>Domain length Lx = Nx·h.</summary>
    public double DomainLength => Nx * CellSize;

    /// <summary>The lateral boundary in effect.</summary>
    public LateralBoundary EffectiveLateralBoundary =>
        LateralBoundary ?? (Preset == CylinderGeometry.SchaferTurek ? global::Led.Systems.CylinderFlow.LateralBoundary.NoSlip : global::Led.Systems.CylinderFlow.LateralBoundary.FreeSlip);

    /// <summary>Micro steps per snapshot: ⌈SamplingInterval/Δt_max⌉ with Δt_max = min(CFL·h/(2U_max), κh²/ν).</summary>
    public long MicroStepsPerSample
    {
        get
        {
            double maxVelocity = Preset == CylinderGeometry.SchaferTurek ? 1.5 : 1.0;
            double limit = FlowSetup.StableTimeStep(CellSize, 1 / Reynolds, maxVelocity, Cfl, DiffusionNumber);
            return Math.Max(1, (long)Math.Ceiling(SamplingInterval / limit * (1 - 1e-12)));
        }
    }

    /// <summary>The solver configuration of these options (validate first).</summary>
    public FlowSetup ToSetup()
    {
        ThrowIfInvalid();
        double h = CellSize;
        bool channel = Preset == CylinderGeometry.SchaferTurek;
        double xc = Preset switch
        {
            CylinderGeometry.Validation => 5,
            CylinderGeometry.SchaferTurek => 2,
            _ => 2.5,
        };
        double yc = channel ? 2 : DomainHeight / 2;
        return new FlowSetup(Nx, Ny, h, 1 / Reynolds, SamplingInterval / MicroStepsPerSample,
            StreamwiseBoundary.InflowOutflow, EffectiveLateralBoundary, channel ? InflowProfile.Parabolic : InflowProfile.Uniform,
            1.0, xc, yc, 1.0, Penalization, MollificationWidth, Threads);
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Geometry is not null && Preset is null)
            yield return new ValidationResult(
                $"Geometry '{Geometry}' is not a preset; use one of {string.Join(", ", CylinderGeometry.All)}.", [nameof(Geometry)]);
        bool nxValid = Nx >= 8 && BitOperations.IsPow2(Nx), nyValid = Ny >= 8 && BitOperations.IsPow2(Ny);
        if (!nxValid && Nx >= 8)
            yield return new ValidationResult(
                $"Nx ({Nx}) must be a power of two for the fast cosine transform; use e.g. {BitOperations.RoundUpToPowerOf2((uint)Nx)}.", [nameof(Nx)]);
        if (!nyValid && Ny >= 8)
            yield return new ValidationResult(
                $"Ny ({Ny}) must be a power of two for the fast cosine transform; use e.g. {BitOperations.RoundUpToPowerOf2((uint)Ny)}.", [nameof(Ny)]);
        if (!nxValid || !nyValid) yield break;
        if (Preset is CylinderGeometry.LedLike or CylinderGeometry.Validation && Nx != 2 * Ny)
            yield return new ValidationResult(
                $"Nx ({Nx}) must be 2·Ny = {2 * Ny} for the {Preset} box (Lx = 2·Ly, square cells).", [nameof(Nx)]);
        else if (Preset == CylinderGeometry.SchaferTurek && Nx * 4.1 / Ny < 22 - 1e-9)
            yield return new ValidationResult(
                $"Nx ({Nx}) gives a channel of {Nx * 4.1 / Ny:F1}D; the schaferTurek channel must be at least 22D long (Nx ≥ 5.4·Ny, e.g. {8 * Ny}).",
                [nameof(Nx)]);
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "CylinderFlow");
}
