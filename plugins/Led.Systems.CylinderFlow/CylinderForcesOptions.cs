using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// Options of the <c>CylinderForces</c> forecast metric. <see cref="Reynolds"/> and <see cref="Geometry"/> must be those
/// of the <c>CylinderFlow</c> system that produced the data (they give ν = 1/Re and the cylinder's centre; the grid comes
/// from the data). The sampling defaults follow the reference's point counts; the offsets put the contours just outside
/// the penalized layer, where the field-based drag agrees with the solver's own body force (see <see cref="SurfaceForces"/>).
/// </summary>
public sealed class CylinderForcesOptions : IValidatableObject
{
    /// <summary>Reynolds number U·D/ν of the data.</summary>
    [Range(0.0, 1e5, MinimumIsExclusive = true, ErrorMessage = "Reynolds must be in (0, 1e5] and equal the system's (the paper uses 100 and 1000).")]
    public double Reynolds { get; set; } = 100;

    /// <summary>Geometry preset of the data: <c>LED-like</c>, <c>validation</c> or <c>schaferTurek</c>.</summary>
    [Required(ErrorMessage = "Geometry is required: LED-like, validation or schaferTurek (the system's).")]
    public string Geometry { get; set; } = CylinderGeometry.LedLike;

    /// <summary>Points on the circle for the pressure term (the reference: 1000).</summary>
    [Range(8, 1_000_000, ErrorMessage = "PressurePoints must be between 8 and 1000000 (the reference uses 1000).")]
    public int PressurePoints { get; set; } = 1000;

    /// <summary>Points on the circle for the viscous term (the reference: 1440).</summary>
    [Range(8, 1_000_000, ErrorMessage = "ViscousPoints must be between 8 and 1000000 (the reference uses 1440).")]
    public int ViscousPoints { get; set; } = 1440;

    /// <summary>Radius of the pressure contour beyond R, in cells (default 1: just outside the mollified layer).</summary>
    [Range(0.0, 8.0, ErrorMessage = "PressureOffset must be between 0 and 8 cells (default 1).")]
    public double PressureOffset { get; set; } = 1.0;

    /// <summary>Radius of the viscous-stress contour beyond R, in cells (default 1.5).</summary>
    [Range(0.0, 8.0, ErrorMessage = "ViscousOffset must be between 0 and 8 cells (default 1.5).")]
    public double ViscousOffset { get; set; } = 1.5;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Geometry is not null && CylinderGeometry.Resolve(Geometry) is null)
            yield return new ValidationResult(
                $"Geometry '{Geometry}' is not a preset; use the system's, one of {string.Join(", ", CylinderGeometry.All)}.", [nameof(Geometry)]);
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "CylinderForces");
}
