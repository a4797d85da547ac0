using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.Oscillator;

public sealed class LinearPropagatorOptions : IShapeOptions
{
    /// <summary>
    /// Ridge penalty on the matrix (not the offset) of the least-squares fit. 0 recovers a linear system's map exactly;
    /// a positive penalty shrinks it, a model that is wrong by a known, machine-independent amount.
    /// </summary>
    [Range(0, 1e6, ErrorMessage = "ridge must be in [0, 1e6]")]
    public double Ridge { get; set; }

    /// <summary>Takes any latent dimension; its latent space is the one given.</summary>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        return latent;
    }
}
