using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace MyPropagator;

/// <summary>
/// The propagator's options, bound from the config's <c>propagator.options</c> (camelCase keys) and validated by the host
/// before any work: a value outside a range is reported with its JSON path. <see cref="IShapeOptions"/> lets
/// <c>led validate</c> check them against the latent space without building the network.
/// </summary>
public sealed class MyPropagatorOptions : IShapeOptions
{
    /// <summary>Hidden units of the residual map.</summary>
    [Range(1, 4096, ErrorMessage = "hidden must be between 1 and 4096")]
    public int Hidden { get; set; } = 32;

    /// <inheritdoc/>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent) =>
        latent ?? throw new ArgumentException("a propagator needs the latent space of its encoder", nameof(latent));
}
