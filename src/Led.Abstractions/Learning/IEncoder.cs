using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// Maps scaled observable states <c>[B, …observable shape]</c> to latent states <c>[B, d_z]</c>. An encoder of a point set
/// must not depend on the order of the points.
/// </summary>
public interface IEncoder
{
    /// <summary>The latent dimension d_z it encodes to.</summary>
    int LatentDim { get; }

    /// <summary>Encodes scaled states <c>[B, …observable shape]</c> to latents <c>[B, d_z]</c>.</summary>
    torch.Tensor Encode(torch.Tensor states);
}
