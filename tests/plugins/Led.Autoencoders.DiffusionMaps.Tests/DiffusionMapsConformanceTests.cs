using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Autoencoders.DiffusionMaps.Tests;

/// <summary>
/// The conformance kit's autoencoder checks on diffusion maps with d_z 2 for a 64-point field. Its round trip fits and
/// reconstructs the same frames, which diffusion maps return exactly (each training latent lifts to its own frame);
/// a round trip on unseen frames of a rank-2 family is not exact for a nonlinear lifting and is not claimed.
/// </summary>
public sealed class DiffusionMapsConformanceTests : AutoencoderConformance
{
    protected override SystemDescription Description { get; } = new(["u"], [64], [22.0], 0.25, true);

    protected override IAutoencoder Create(SystemDescription description, IDeviceContext device) =>
        new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 2 }, description, device);
}
