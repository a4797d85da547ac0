using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>Maps latent states <c>[B, d_z]</c> back to scaled observable states <c>[B, …observable shape]</c>.</summary>
public interface IDecoder
{
    /// <summary>The latent dimension d_z it decodes from.</summary>
    int LatentDim { get; }

    /// <summary>The decoded state (the mean, for an <see cref="IProbabilisticDecoder"/>).</summary>
    torch.Tensor Decode(torch.Tensor latents);
}
