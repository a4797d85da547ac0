using System.ComponentModel.DataAnnotations;

namespace MyPropagator;

/// <summary>
/// The propagator's options, bound from the config's <c>propagator.options</c> (camelCase keys) and validated by the host
/// before any work: a value outside a range is reported with its JSON path.
/// </summary>
public sealed class MyPropagatorOptions
{
    /// <summary>Hidden units of the residual map.</summary>
    [Range(1, 4096, ErrorMessage = "hidden must be between 1 and 4096")]
    public int Hidden { get; set; } = 32;
}
