using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.ParticleCloud;

public sealed class GaussianMixtureDecoderOptions
{
    [Range(1, 16)]
    public int Components { get; set; } = 2;
}
