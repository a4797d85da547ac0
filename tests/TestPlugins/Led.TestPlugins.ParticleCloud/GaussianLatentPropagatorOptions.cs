using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.ParticleCloud;

public sealed class GaussianLatentPropagatorOptions : IShapeOptions
{
    /// <summary>Initial log standard deviation of the predicted latent.</summary>
    [Range(-20, 5)]
    public double InitialLogStd { get; set; } = -3;

    /// <summary>Takes any latent dimension; its latent space is the one given.</summary>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        return latent;
    }
}
