using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace MyAutoencoder.Tests;

/// <summary>The conformance kit's checks on a 32-point field: shapes, a refused wrong shape, save/load bit-identity, a round trip.</summary>
public sealed class MyAutoencoderConformanceTests : AutoencoderConformance
{
    protected override SystemDescription Description { get; } = new(["u"], [32], [1.0], 0.1, true);

    protected override IAutoencoder Create(SystemDescription description, IDeviceContext device) =>
        new MyAutoencoder(new MyAutoencoderOptions { LatentDim = 2, Hidden = 16 }, description, device);
}
