using Led.Abstractions.Learning;
using Led.Sdk.Testing;

namespace Led.Propagators.ReservoirComputer.Tests;

/// <summary>The conformance kit's propagator checks on a 200-unit reservoir fitted to the kit's smooth latents.</summary>
public sealed class ReservoirComputerConformanceTests : PropagatorConformance
{
    protected override ILatentPropagator Create(LatentSpace latent, IDeviceContext device) =>
        new ReservoirComputerPropagator(new ReservoirComputerOptions { Size = 200, Degree = 5, WashOut = 20 }, latent);
}
