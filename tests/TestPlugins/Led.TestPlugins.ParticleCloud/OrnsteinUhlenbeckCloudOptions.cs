using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.ParticleCloud;

public sealed class OrnsteinUhlenbeckCloudOptions
{
    [Range(1, 100000)]
    public int Particles { get; set; } = 200;

    [Range(1, 3)]
    public int Dimensions { get; set; } = 2;

    /// <summary>Relaxation rate θ of dx = −θ x dt + σ dW.</summary>
    [Range(1e-6, 1e6)]
    public double Theta { get; set; } = 0.5;

    [Range(0, 1e6)]
    public double Sigma { get; set; } = 0.4;

    [Range(1e-9, 1e9)]
    public double CoarseStep { get; set; } = 0.2;
}
