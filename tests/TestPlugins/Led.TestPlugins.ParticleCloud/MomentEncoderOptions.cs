using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.ParticleCloud;

public sealed class MomentEncoderOptions : IShapeOptions
{
    [Range(1, 64)]
    public int LatentDim { get; set; } = 4;

    /// <summary>The encoder takes any point set; its latent space is d_z.</summary>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        return new LatentSpace(LatentDim);
    }
}
