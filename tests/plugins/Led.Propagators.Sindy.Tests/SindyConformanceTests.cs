using Led.Abstractions.Learning;
using Led.Sdk.Testing;

namespace Led.Propagators.Sindy.Tests;

/// <summary>The conformance kit's propagator checks on SINDy fitted to the kit's smooth latents (sampled every 0.05).</summary>
public sealed class SindyConformanceTests : PropagatorConformance
{
    protected override ILatentPropagator Create(LatentSpace latent, IDeviceContext device) =>
        new SindyPropagator(new SindyOptions { TimeStep = 0.05 }, latent);
}
