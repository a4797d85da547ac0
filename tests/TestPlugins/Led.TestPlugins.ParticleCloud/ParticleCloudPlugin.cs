using Led.Abstractions.Plugins;

namespace Led.TestPlugins.ParticleCloud;

/// <summary>A stochastic point-set system with a permutation-invariant encoder, a mixture-density decoder and a stochastic propagator.</summary>
public sealed class ParticleCloudPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder
        .AddSystem<OrnsteinUhlenbeckCloud, OrnsteinUhlenbeckCloudOptions>("OrnsteinUhlenbeckCloud")
        .AddEncoder<MomentEncoder, MomentEncoderOptions>("MomentEncoder")
        .AddDecoder<GaussianMixtureDecoder, GaussianMixtureDecoderOptions>("GaussianMixtureDecoder")
        .AddPropagator<GaussianLatentPropagator, GaussianLatentPropagatorOptions>("GaussianLatentPropagator");
}
