using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.ParticleCloud;

public sealed class GaussianMixtureDecoderOptions : IShapeOptions
{
    [Range(1, 16)]
    public int Components { get; set; } = 2;

    /// <summary>Decodes into a point set <c>[points, dimensions]</c>; its latent space is the encoder's.</summary>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(latent);
        if (system.Shape.Length != 2)
            throw new ArgumentException($"GaussianMixtureDecoder decodes a point set [points, dimensions], but the system's observable shape is [{string.Join(", ", system.Shape)}]");
        return latent;
    }
}
