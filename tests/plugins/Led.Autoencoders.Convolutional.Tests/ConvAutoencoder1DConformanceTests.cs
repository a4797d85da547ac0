using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Autoencoders.Convolutional.Tests;

/// <summary>The conformance kit's autoencoder checks on the default convolutional autoencoder for a 64-point field (KS's shape).</summary>
public sealed class ConvAutoencoder1DConformanceTests : AutoencoderConformance
{
    protected override SystemDescription Description { get; } = new(["u"], [64], [22.0], 0.25, true);

    protected override IAutoencoder Create(SystemDescription description, IDeviceContext device) =>
        new ConvAutoencoder1D(new ConvAutoencoder1DOptions(), description, device);
}
