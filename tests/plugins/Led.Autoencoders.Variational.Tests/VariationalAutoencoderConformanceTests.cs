using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Autoencoders.Variational.Tests;

/// <summary>The conformance kit's autoencoder checks on the MLP backbone for a two-channel 101-point field (FHN's shape).</summary>
public sealed class VariationalAutoencoderConformanceTests : AutoencoderConformance
{
    protected override SystemDescription Description { get; } = new(["u", "v"], [101], [20.0], 1.0, false);

    protected override IAutoencoder Create(SystemDescription description, IDeviceContext device) =>
        new VariationalAutoencoder(new VariationalAutoencoderOptions { Width = 32 }, description, device);
}
