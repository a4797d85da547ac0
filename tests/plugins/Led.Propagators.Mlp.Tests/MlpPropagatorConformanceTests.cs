using Led.Abstractions.Learning;
using Led.Sdk.Testing;

namespace Led.Propagators.Mlp.Tests;

/// <summary>The conformance kit's propagator checks on the default MLP propagator (its compiled step included).</summary>
public sealed class MlpPropagatorConformanceTests : PropagatorConformance
{
    protected override ILatentPropagator Create(LatentSpace latent, IDeviceContext device) =>
        new MlpPropagator(new MlpPropagatorOptions(), latent, device);
}
