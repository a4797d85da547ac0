using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// Maps scaled observable states to latent states and back. Tensors are batch first:
/// states <c>[B, channels, grid…]</c>, latents <c>[B, d_z]</c>.
/// </summary>
public interface IAutoencoder
{
    int LatentDim { get; }

    torch.Tensor Encode(torch.Tensor states);

    /// <summary>The decoded state (the mean, for a probabilistic decoder).</summary>
    torch.Tensor Decode(torch.Tensor latents);
}
