using static TorchSharp.torch;

namespace Led.Autoencoders.Pca;

/// <summary>
/// Leading right singular vectors of the centred frame matrix X − 1μᵀ by randomized SVD (Halko, Martinsson and Tropp
/// 2011, algorithms 4.4 and 5.1), reading X only in chunks of rows: with l = d_z + p columns (p the oversampling),
/// Ω ~ N(0, 1)^{D×l} from a seeded generator; Y = (X − 1μᵀ)Ω, Q = orth(Y); q power iterations
/// Z = orth((X − 1μᵀ)ᵀQ), Q = orth((X − 1μᵀ)Z), each re-orthonormalised by QR; then Bᵀ = (X − 1μᵀ)ᵀQ and the small
/// SVD B = Ũ S Vᵀ gives the components V and singular values S. Every product with X − 1μᵀ is a sum over chunks C of
/// (C − 1μᵀ)·(rows of the right factor), so memory is O((N + D)·l + chunk·D). The total variance ‖X − 1μᵀ‖²_F is
/// summed on the way for the explained-variance ratios. Exact (to round-off) when the centred data have rank ≤ l.
/// </summary>
internal static class RandomizedSvd
{
    /// <summary>The first <paramref name="components"/> right singular vectors <c>[k, D]</c>, all l singular values, and ‖X − 1μᵀ‖²_F.</summary>
    public static (Tensor Components, double[] SingularValues, double TotalVariance) Compute(
        DistinctFrames frames, int components, int oversampling, int powerIterations, long seed)
    {
        using var scope = NewDisposeScope();
        var mean = tensor(frames.Mean, [1, frames.Mean.Length]);
        int size = frames.Mean.Length;
        int l = (int)Math.Min(components + oversampling, Math.Min(frames.Count, size));
        using var generator = new Generator((ulong)seed);
        var omega = randn([size, l], dtype: ScalarType.Float64, generator: generator);

        double total = 0;
        var q = Orthonormal(Times(frames, mean, omega, ref total));
        for (int i = 0; i < powerIterations; i++)
        {
            var z = Orthonormal(TransposeTimes(frames, mean, q));
            q = Orthonormal(Times(frames, mean, z, ref total));
        }
        var bt = TransposeTimes(frames, mean, q);          // [D, l] = Bᵀ
        var (_, s, vh) = linalg.svd(bt.t(), fullMatrices: false);
        var kept = vh[..components].contiguous().MoveToOuterDisposeScope();
        return (kept, s.data<double>().ToArray(), total);
    }

    /// <summary>(X − 1μᵀ)·<paramref name="right"/>, <c>[N, l]</c>; sets <paramref name="total"/> to ‖X − 1μᵀ‖²_F.</summary>
    private static Tensor Times(DistinctFrames frames, Tensor mean, Tensor right, ref double total)
    {
        var rows = new List<Tensor>();
        total = 0;
        foreach (var chunk in frames.Chunks())
        {
            using var centred = chunk - mean;
            using var flat = centred.view(-1);
            using var squares = flat.dot(flat);
            total += squares.item<double>();
            rows.Add(centred.matmul(right));
        }
        return cat(rows, 0);
    }

    /// <summary>(X − 1μᵀ)ᵀ·<paramref name="left"/>, <c>[D, l]</c>, with <paramref name="left"/> <c>[N, l]</c>.</summary>
    private static Tensor TransposeTimes(DistinctFrames frames, Tensor mean, Tensor left)
    {
        var result = zeros([mean.shape[1], left.shape[1]], dtype: ScalarType.Float64);
        long offset = 0;
        foreach (var chunk in frames.Chunks())
        {
            using var centred = chunk - mean;
            using var block = left.narrow(0, offset, chunk.shape[0]);
            using var transposed = centred.t();
            result.addmm_(transposed, block);
            offset += chunk.shape[0];
        }
        return result;
    }

    private static Tensor Orthonormal(Tensor matrix) => linalg.qr(matrix).Q;
}
