using Led.Abstractions.Learning;
using static TorchSharp.torch;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// A single-state decoder that runs the autoencoder's own tensor decoder on a batch of one, for options the compiled
/// decoder does not implement (GELU): slower than <see cref="MlpFastDecoder{T}"/>, but the same function.
/// </summary>
internal sealed class TensorPathDecoder(MlpAutoencoder autoencoder) : IFastDecoder
{
    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var z = tensor(latent.ToArray(), [1, autoencoder.LatentDim]).to(autoencoder.DType).to(autoencoder.Device);
        var decoded = autoencoder.Decode(z).cpu().to(ScalarType.Float64).contiguous();
        decoded.data<double>().CopyTo(state);
    }
}
