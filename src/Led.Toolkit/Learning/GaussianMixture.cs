using TorchSharp;
using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>
/// A batch of Gaussian mixtures in D dimensions with full covariances Σ_k = L_k L_kᵀ, from one raw network output per
/// mixture laid out [K logits | K·D means | K·D(D+1)/2 Cholesky entries]. The Cholesky entries of each component fill
/// the lower triangle row by row (row i holds L_i0 … L_ii); a diagonal entry is e^{clamp(raw, −12, 6)} (positive, so
/// Σ_k is positive definite), the others are the raw values.
/// <para>
/// log p(x) = logsumexp_k [log π_k − ½‖L_k⁻¹(x − μ_k)‖² − Σ_i log L_k,ii − (D/2) log 2π]; a draw picks k ~ π, then
/// x = μ_k + L_k ε with ε ~ N(0, I). Leading batch dimensions "…" are kept throughout.
/// </para>
/// </summary>
public sealed class GaussianMixture : IDisposable
{
    private GaussianMixture(Tensor logWeights, Tensor means, Tensor tril, Tensor logDiagonal)
    {
        (LogWeights, Means, Tril, LogDiagonal) = (logWeights, means, tril, logDiagonal);
    }

    /// <summary>log π, <c>[…, K]</c>.</summary>
    public Tensor LogWeights { get; }

    /// <summary>μ, <c>[…, K, D]</c>.</summary>
    public Tensor Means { get; }

    /// <summary>L, lower triangular, <c>[…, K, D, D]</c>.</summary>
    public Tensor Tril { get; }

    /// <summary>log L_ii, <c>[…, K, D]</c>.</summary>
    public Tensor LogDiagonal { get; }

    /// <summary>The dimension D of the mixture's space.</summary>
    public int Dims => (int)Means.shape[^1];

    /// <summary>Size of the raw output that describes one mixture of <paramref name="components"/> components in <paramref name="dims"/> dimensions.</summary>
    public static int RawSize(int components, int dims) => components * (1 + dims + dims * (dims + 1) / 2);

    /// <summary>
    /// The mixtures described by <paramref name="raw"/> <c>[…, RawSize]</c>. Its tensors belong to the caller's dispose
    /// scope (if any) and are released by <see cref="Dispose"/>, whichever comes first.
    /// </summary>
    public static GaussianMixture FromRaw(Tensor raw, int components, int dims)
    {
        using var scope = NewDisposeScope();
        long[] batch = raw.shape[..^1];
        int k = components, d = dims, m = d * (d + 1) / 2;
        var logWeights = raw.narrow(-1, 0, k).log_softmax(-1);
        var means = raw.narrow(-1, k, k * d).reshape([.. batch, k, d]);
        var entries = raw.narrow(-1, k + k * d, k * m).reshape([.. batch, k, m]);
        var (flat, diagonal) = Layout(d, raw.device);
        var isDiagonal = zeros(m, ScalarType.Bool, raw.device).index_fill_(0, diagonal, true);
        var clamped = entries.clamp(-12, 6);
        var values = where(isDiagonal, clamped.exp(), entries);
        var tril = zeros([.. batch, k, d * d], raw.dtype, raw.device)
            .scatter(-1, flat.expand([.. batch, k, m]), values).reshape([.. batch, k, d, d]);
        var logDiagonal = clamped.index_select(-1, diagonal);
        return new GaussianMixture(logWeights.MoveToOuterDisposeScope(), means.MoveToOuterDisposeScope(), tril.MoveToOuterDisposeScope(),
            logDiagonal.MoveToOuterDisposeScope());
    }

    /// <summary>Mixtures from explicit parameters (log-weights <c>[…, K]</c>, means <c>[…, K, D]</c>, Cholesky factors <c>[…, K, D, D]</c>).</summary>
    public static GaussianMixture FromParameters(Tensor logWeights, Tensor means, Tensor tril)
    {
        return new GaussianMixture(logWeights.alias(), means.alias(), tril.alias(), tril.diagonal(0, -2, -1).log());
    }

    /// <summary>log p of points <c>[…, M, D]</c> under their batch's mixture: <c>[…, M]</c>.</summary>
    public Tensor LogProb(Tensor points)
    {
        using var scope = NewDisposeScope();
        var diff = points.unsqueeze(-2) - Means.unsqueeze(-3);                                  // […, M, K, D]
        var inverse = linalg.solve_triangular(Tril, eye(Dims, dtype: Tril.dtype, device: Tril.device).expand(Tril.shape), upper: false);
        var z = einsum("...kij,...mkj->...mki", inverse, diff);                                // L⁻¹(x − μ)
        var perComponent = z.square().sum(-1).mul(-0.5) - LogDiagonal.sum(-1).unsqueeze(-2) - 0.5 * Dims * Math.Log(2 * Math.PI);
        return (perComponent + LogWeights.unsqueeze(-2)).logsumexp(-1).MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="count"/> independent draws from each mixture: <c>[…, count, D]</c>.</summary>
    public Tensor Sample(int count, Generator generator)
    {
        using var scope = NewDisposeScope();
        long[] batch = Means.shape[..^2];
        int k = (int)Means.shape[^2], d = Dims;
        var flatWeights = LogWeights.exp().reshape(-1, k);
        var component = multinomial(flatWeights, count, replacement: true, generator: generator).reshape([.. batch, count]);
        var mu = Means.gather(-2, component.unsqueeze(-1).expand([.. batch, count, d]));
        var l = Tril.gather(-3, component.unsqueeze(-1).unsqueeze(-1).expand([.. batch, count, d, d]));
        var noise = randn([.. batch, count, d, 1], Means.dtype, Means.device, generator: generator);
        return (mu + l.matmul(noise).squeeze(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>The mixture mean Σ_k π_k μ_k, <c>[…, D]</c>.</summary>
    public Tensor Mean()
    {
        using var scope = NewDisposeScope();
        return (LogWeights.exp().unsqueeze(-1) * Means).sum(-2).MoveToOuterDisposeScope();
    }

    /// <summary>Per-dimension variances of each component, diag(L Lᵀ), <c>[…, K, D]</c>.</summary>
    public Tensor ComponentVariances()
    {
        using var scope = NewDisposeScope();
        return Tril.square().sum(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Frees the parameter tensors.</summary>
    public void Dispose()
    {
        LogWeights.Dispose();
        Means.Dispose();
        Tril.Dispose();
        LogDiagonal.Dispose();
    }

    /// <summary>Flat indices i·D + j of the lower-triangle entries row by row, and the positions of the diagonal among them.</summary>
    private static (Tensor Flat, Tensor Diagonal) Layout(int d, Device device)
    {
        var flat = new List<long>();
        var diagonal = new List<long>();
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                if (i == j) diagonal.Add(flat.Count);
                flat.Add(i * d + j);
            }
        return (tensor(flat.ToArray(), device: device), tensor(diagonal.ToArray(), device: device));
    }
}
