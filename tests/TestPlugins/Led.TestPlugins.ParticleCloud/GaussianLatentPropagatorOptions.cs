using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.ParticleCloud;

public sealed class GaussianLatentPropagatorOptions
{
    /// <summary>Initial log standard deviation of the predicted latent.</summary>
    [Range(-20, 5)]
    public double InitialLogStd { get; set; } = -3;
}
