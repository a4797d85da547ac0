// Lifting of a latent z to a state: the k training latents z_i nearest z (Euclidean, ties to the earlier frame), the
// weights w on the simplex minimising ‖z − Σ w_i z_i‖² (ConvexLeastSquares, exact), and x̂ = Σ w_i x_i with x_i the
// frames of those latents. A training latent lifts to its own frame. Cost per latent: O(N·d_z) for the search,
// O(k·D) for the combination.
using System.Numerics.Tensors;
using Led.Abstractions.Learning;

namespace Led.Autoencoders.DiffusionMaps;

/// <summary>The decoder of diffusion maps on plain arrays: distinct training frames and their diffusion coordinates.</summary>
internal sealed class DiffusionMapsLifting(double[] frames, double[] latents, int size, int latentDim, int neighbors) : IFastDecoder
{
    /// <summary>The distinct training frames, row-major <c>[N, size]</c>.</summary>
    public double[] Frames => frames;

    /// <summary>Their diffusion coordinates, row-major <c>[N, d_z]</c>.</summary>
    public double[] Latents => latents;

    public int Count => frames.Length / size;

    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        int k = Math.Min(neighbors, Count);
        var nearest = new int[k];
        var distances = new double[k];
        Array.Fill(distances, double.PositiveInfinity);
        for (int i = 0; i < Count; i++)
        {
            double d = TensorPrimitives.Distance(latents.AsSpan(i * latentDim, latentDim), latent);
            if (!(d < distances[k - 1])) continue;
            int slot = k - 1;
            for (; slot > 0 && d < distances[slot - 1]; slot--)
                (distances[slot], nearest[slot]) = (distances[slot - 1], nearest[slot - 1]);
            (distances[slot], nearest[slot]) = (d, i);
        }
        var basis = new double[k * latentDim];
        for (int r = 0; r < k; r++) latents.AsSpan(nearest[r] * latentDim, latentDim).CopyTo(basis.AsSpan(r * latentDim));
        var weights = ConvexLeastSquares.Solve(basis, latent, k);
        state[..size].Clear();
        for (int r = 0; r < k; r++)
            if (weights[r] != 0)
                TensorPrimitives.MultiplyAdd(frames.AsSpan(nearest[r] * size, size), weights[r], state[..size], state[..size]);
    }
}
