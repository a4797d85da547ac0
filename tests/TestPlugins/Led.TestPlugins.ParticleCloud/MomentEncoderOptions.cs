using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.ParticleCloud;

public sealed class MomentEncoderOptions
{
    [Range(1, 64)]
    public int LatentDim { get; set; } = 4;
}
