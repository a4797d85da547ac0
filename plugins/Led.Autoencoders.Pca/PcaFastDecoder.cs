using System.Numerics.Tensors;
using Led.Abstractions.Learning;

namespace Led.Autoencoders.Pca;

/// <summary>x̂ = μ + Σ_k z_k V_k on plain arrays (no allocation per call).</summary>
internal sealed class PcaFastDecoder(double[] mean, double[] components, int latentDim) : IFastDecoder
{
    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        int size = mean.Length;
        mean.CopyTo(state);
        for (int k = 0; k < latentDim; k++)
            TensorPrimitives.MultiplyAdd(components.AsSpan(k * size, size), latent[k], state, state);
    }
}
