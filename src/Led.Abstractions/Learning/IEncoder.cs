using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// Maps scaled observable states <c>[B, …observable shape]</c> to latent states <c>[B, d_z]</c>. An encoder of a point set
/// must not depend on the order of the points.
/// </summary>
public interface IEncoder
{
    int LatentDim { get; }

    torch.Tensor Encode(torch.Tensor states);
}
