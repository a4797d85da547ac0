using Led.Abstractions.Learning;
using Led.Sdk.Testing;

namespace MyPropagator.Tests;

/// <summary>The conformance kit's checks: shapes, a refused wrong size, save/load bit-identity, no shared state.</summary>
public sealed class MyPropagatorConformanceTests : PropagatorConformance
{
    protected override ILatentPropagator Create(LatentSpace latent, IDeviceContext device) =>
        new MyPropagator(new MyPropagatorOptions { Hidden = 8 }, latent, device);
}
