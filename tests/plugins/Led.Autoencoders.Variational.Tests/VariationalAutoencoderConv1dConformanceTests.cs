using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Autoencoders.Variational.Tests;

/// <summary>The conformance kit's autoencoder checks on the conv1d backbone for a two-channel 101-point field (padded to 104).</summary>
public sealed class VariationalAutoencoderConv1dConformanceTests : AutoencoderConformance
{
    protected override SystemDescription Description { get; } = new(["u", "v"], [101], [20.0], 1.0, false);

    protected override IAutoencoder Create(SystemDescription description, IDeviceContext device) =>
        new VariationalAutoencoder(new VariationalAutoencoderOptions { Backbone = VariationalBackbone.Conv1d, Channels = [8, 8, 4] }, description, device);
}
