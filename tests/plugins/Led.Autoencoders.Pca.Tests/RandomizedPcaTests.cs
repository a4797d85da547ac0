using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Autoencoders.Pca.Tests;

/// <summary>The randomized solver (<see cref="PcaSolver.Randomized"/>) against the exact SVD.</summary>
public class RandomizedPcaTests
{
    private const int Size = 120;
    private static readonly SystemDescription Grid = new(["u", "v"], [60], [1.0], 0.1, true);

    /// <summary>Three trajectories of frames μ + Σ_k c_k b_k (+ noise) with <paramref name="rank"/> modes of decaying amplitude.</summary>
    private static Tensor[] Trajectories(int rank, double noise, long seed)
    {
        var generator = new Generator((ulong)seed);
        var basis = linalg.qr(randn([Size, rank], dtype: ScalarType.Float64, generator: generator)).Q.t();
        var amplitudes = tensor(Enumerable.Range(0, rank).Select(k => Math.Pow(0.6, k) * 3).ToArray());
        var offset = rand([1, Size], dtype: ScalarType.Float64, generator: generator);
        return [.. new[] { 70, 45, 90 }.Select(n =>
            ((randn([n, rank], dtype: ScalarType.Float64, generator: generator) * amplitudes).matmul(basis) + offset
             + noise * randn([n, Size], dtype: ScalarType.Float64, generator: generator)).reshape(n, 2, 60))];
    }

    private static PcaAutoencoder Fit(Tensor[] trajectories, PcaOptions options)
    {
        var pca = new PcaAutoencoder(options, Grid, CpuDevice.Seeded(1));
        pca.Fit(new FitData(trajectories, []));
        return pca;
    }

    private static PcaOptions Randomized(int latentDim, int oversampling = 3, long seed = 7) =>
        new() { LatentDim = latentDim, Solver = PcaSolver.Randomized, Oversampling = oversampling, PowerIterations = 2, Seed = seed, ChunkRows = 16 };

    private static Tensor Projector(PcaAutoencoder pca)
    {
        var identity = eye(Size, dtype: ScalarType.Float64).reshape(Size, 2, 60);
        var origin = pca.Decode(zeros(1, pca.LatentDim, dtype: ScalarType.Float64)).reshape(1, Size);
        return pca.Decode(pca.Encode(identity + origin.reshape(1, 2, 60))).reshape(Size, Size) - origin;
    }

    [Fact]
    public void OnExactlyLowRankData_TheRandomizedSolverEqualsTheExactOneToRoundOff()
    {
        using var scope = NewDisposeScope();
        var data = Trajectories(rank: 6, noise: 0, seed: 3);             // rank 6 ≤ d_z + p = 4 + 3
        var exact = Fit(data, new PcaOptions { LatentDim = 4 });
        var randomized = Fit(data, Randomized(4));

        Assert.Equal(exact.ExplainedVarianceRatio, randomized.ExplainedVarianceRatio, new Tolerance(1e-12));
        Assert.True((Projector(exact) - Projector(randomized)).abs().max().item<double>() < 1e-10, "the component subspaces differ");
        var all = cat(data, 0);
        Assert.True(allclose(exact.Decode(exact.Encode(all)), randomized.Decode(randomized.Encode(all)), rtol: 0, atol: 1e-10));
    }

    [Fact]
    public void OnNoisyData_TheExplainedVarianceIsWithin1e8OfTheExactOne()
    {
        using var scope = NewDisposeScope();
        var data = Trajectories(rank: 12, noise: 0.02, seed: 4);
        var exact = Fit(data, new PcaOptions { LatentDim = 4 });
        var randomized = Fit(data, Randomized(4, oversampling: 10));

        Assert.Equal(exact.ExplainedVarianceRatio, randomized.ExplainedVarianceRatio, new Tolerance(1e-8));   // measured: ≈ 1e-15
        Assert.True(randomized.ExplainedVarianceRatio.Sum() <= exact.ExplainedVarianceRatio.Sum() + 1e-12,
            "no 4-dimensional subspace explains more variance than the leading singular vectors");
    }

    [Fact]
    public void TheSameSeedGivesBitIdenticalComponents_AndTheModelSavesAndLoadsBitExactly()
    {
        using var scope = NewDisposeScope();
        var data = Trajectories(rank: 12, noise: 0.05, seed: 5);
        var first = Fit(data, Randomized(3, oversampling: 2, seed: 11));
        var second = Fit(data, Randomized(3, oversampling: 2, seed: 11));
        var other = Fit(data, Randomized(3, oversampling: 2, seed: 12));
        var frames = cat(data, 0);

        Assert.True(first.Encode(frames).eq(second.Encode(frames)).all().item<bool>());
        Assert.Equal(first.ExplainedVarianceRatio, second.ExplainedVarianceRatio);
        Assert.NotEqual(first.ExplainedVarianceRatio, other.ExplainedVarianceRatio);

        using var stream = new MemoryStream();
        first.Save(stream);
        stream.Position = 0;
        var loaded = new PcaAutoencoder(Randomized(3), Grid, CpuDevice.Seeded(2));
        loaded.Load(stream);
        Assert.True(first.Encode(frames).eq(loaded.Encode(frames)).all().item<bool>());
        var z = first.Encode(frames[..5]);
        Assert.True(first.Decode(z).eq(loaded.Decode(z)).all().item<bool>());
    }

    [Fact]
    public void DuplicateFrames_AcrossChunksAndTrajectories_DoNotWeighTheFit()
    {
        using var scope = NewDisposeScope();
        var data = Trajectories(rank: 6, noise: 0.01, seed: 6);
        var repeated = new[] { data[0], cat([data[1], data[0][..40], data[1][3..4].expand(50, 2, 60)], 0), data[2], data[2][10..30] };
        var unique = Fit(data, Randomized(4));
        var withDuplicates = Fit(repeated, Randomized(4));

        Assert.Equal(unique.ExplainedVarianceRatio, withDuplicates.ExplainedVarianceRatio, new Tolerance(1e-12));
        var exact = Fit(repeated, new PcaOptions { LatentDim = 4 });
        Assert.Equal(exact.ExplainedVarianceRatio, withDuplicates.ExplainedVarianceRatio, new Tolerance(1e-6));
    }

    [Fact]
    public void InvalidRandomizedSettings_AreRefusedNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new PcaAutoencoder(new PcaOptions { Solver = PcaSolver.Randomized, ChunkRows = 0, PowerIterations = -1 }, Grid, CpuDevice.Seeded(1)));
        Assert.Contains("chunkRows must be between 1", error.Message);
        Assert.Contains("powerIterations must be between 0 and 100", error.Message);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
