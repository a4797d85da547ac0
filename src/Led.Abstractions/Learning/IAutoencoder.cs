namespace Led.Abstractions.Learning;

/// <summary>
/// An encoder and its decoder in one component (it fills both the <c>encoder</c> and the <c>decoder</c> slot). Tensors
/// are batch first: states <c>[B, …observable shape]</c>, latents <c>[B, d_z]</c>.
/// </summary>
public interface IAutoencoder : IEncoder, IDecoder
{
    /// <summary>The latent dimension d_z, shared by the encoder and the decoder.</summary>
    new int LatentDim { get; }

    int IEncoder.LatentDim => LatentDim;

    int IDecoder.LatentDim => LatentDim;
}
