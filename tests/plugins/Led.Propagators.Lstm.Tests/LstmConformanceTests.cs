using Led.Abstractions.Learning;
using Led.Sdk.Testing;

namespace Led.Propagators.Lstm.Tests;

/// <summary>The conformance kit's propagator checks on a small LSTM (its compiled step included).</summary>
public sealed class LstmConformanceTests : PropagatorConformance
{
    protected override ILatentPropagator Create(LatentSpace latent, IDeviceContext device) =>
        new LstmPropagator(new LstmOptions { Hidden = 16 }, latent, device);
}
