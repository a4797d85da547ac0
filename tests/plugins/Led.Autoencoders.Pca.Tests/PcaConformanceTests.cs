using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Autoencoders.Pca.Tests;

/// <summary>The conformance kit's autoencoder checks on PCA with d_z 4 for a 64-point field: rank-2 data round-trips exactly.</summary>
public sealed class PcaConformanceTests : AutoencoderConformance
{
    protected override SystemDescription Description { get; } = new(["u"], [64], [22.0], 0.25, true);

    protected override IAutoencoder Create(SystemDescription description, IDeviceContext device) =>
        new PcaAutoencoder(new PcaOptions { LatentDim = 4 }, description, device);
}
