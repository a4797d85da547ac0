using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Autoencoders.Pca.Tests;

public class PcaAutoencoderTests
{
    private static readonly SystemDescription Line = new(["u"], [16], [1.0], 0.1, true);

    /// <summary>Frames in a 3-dimensional affine subspace of R^16 with distinct variances.</summary>
    private static Tensor SubspaceFrames(int n)
    {
        var x = linspace(0, 1, 16, dtype: ScalarType.Float64);
        var basis = stack([sin(2 * Math.PI * x), cos(2 * Math.PI * x), sin(4 * Math.PI * x)]);
        var coefficients = randn(n, 3, dtype: ScalarType.Float64) * tensor(new[] { 3.0, 2.0, 1.0 });
        return (coefficients.matmul(basis) + 0.5).reshape(n, 1, 16);
    }

    [Fact]
    public void DisposingReleasesTheFittedTensorsOnceAndForbidsFurtherUse()
    {
        var pca = new PcaAutoencoder(new PcaOptions { LatentDim = 2 }, Line, CpuDevice.Seeded(3));
        using (var scope = NewDisposeScope()) pca.Fit(new FitData([SubspaceFrames(20)], []));
        long live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        pca.Dispose();
        pca.Dispose();

        Assert.Equal(live - 2, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Throws<ObjectDisposedException>(() => pca.CompileDecoder());
        using var frames = zeros(1, 1, 16, dtype: ScalarType.Float64);
        Assert.Throws<ObjectDisposedException>(() => pca.Encode(frames));
    }

    [Fact]
    public void FramesInASubspaceAreReconstructedExactlyWithItsDimension()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(1);
        var frames = SubspaceFrames(200);
        var pca = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        pca.Fit(new FitData([frames], []));
        var z = pca.Encode(frames);
        Assert.Equal([200L, 3], z.shape);
        Assert.True(allclose(pca.Decode(z), frames, rtol: 0, atol: 1e-12));
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 12);
        Assert.True(pca.ExplainedVarianceRatio[0] > pca.ExplainedVarianceRatio[1] && pca.ExplainedVarianceRatio[1] > pca.ExplainedVarianceRatio[2]);

        var two = new PcaAutoencoder(new PcaOptions { LatentDim = 2 }, Line, device);
        two.Fit(new FitData([frames], []));
        double residual = (two.Decode(two.Encode(frames)) - frames).square().mean().item<double>();
        Assert.True(residual > 1e-3, $"a 2-component PCA cannot reconstruct 3-dimensional data (MSE {residual})");
    }

    [Fact]
    public void AFloat32ModelFitsAndReconstructsToSinglePrecision()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(1, ScalarType.Float32);
        var frames = SubspaceFrames(200).to(ScalarType.Float32);
        var pca = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        pca.Fit(new FitData([frames], []));
        var reconstructed = pca.Decode(pca.Encode(frames));
        Assert.Equal(ScalarType.Float32, reconstructed.dtype);
        Assert.True(allclose(reconstructed, frames, rtol: 0, atol: 1e-4));
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 5);
    }

    [Fact]
    public void SaveAndLoadRoundTripBitExactly()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(2);
        var frames = SubspaceFrames(50);
        var pca = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        pca.Fit(new FitData([frames], []));
        using var stream = new MemoryStream();
        pca.Save(stream);
        stream.Position = 0;
        var loaded = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        loaded.Load(stream);
        Assert.True(pca.Encode(frames).eq(loaded.Encode(frames)).all().item<bool>());

        stream.Position = 0;
        var other = new PcaAutoencoder(new PcaOptions { LatentDim = 2 }, Line, device);
        var ex = Assert.Throws<InvalidDataException>(() => other.Load(stream));
        Assert.Contains("d_z = 3", ex.Message);
    }

    [Fact]
    public void DuplicateFramesDoNotWeighTheFit()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(3);
        var frames = SubspaceFrames(60);
        var repeated = cat([frames, frames[..1].expand(500, 1, 16)], 0);
        var a = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        a.Fit(new FitData([frames], []));
        var b = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        b.Fit(new FitData([repeated], []));
        Assert.Equal(a.ExplainedVarianceRatio, b.ExplainedVarianceRatio, new Tolerance(1e-12));
    }

    [Fact]
    public void TheCompiledDecoderAgreesWithTheTensorPath()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(5);
        var frames = SubspaceFrames(40);
        var pca = new PcaAutoencoder(new PcaOptions { LatentDim = 3 }, Line, device);
        pca.Fit(new FitData([frames], []));
        var z = pca.Encode(frames[..1]);
        var expected = pca.Decode(z).data<double>().ToArray();
        var state = new double[16];
        pca.CompileDecoder().Decode(z.data<double>().ToArray(), state);
        for (int i = 0; i < 16; i++) Assert.Equal(expected[i], state[i], 13);
    }

    [Fact]
    public void MisuseGivesClearErrors()
    {
        var device = CpuDevice.Seeded(4);
        var ex = Assert.Throws<ArgumentException>(() => new PcaAutoencoder(new PcaOptions { LatentDim = 17 }, Line, device));
        Assert.Contains("exceeds the state size 16", ex.Message);
        var unfitted = new PcaAutoencoder(new PcaOptions { LatentDim = 2 }, Line, device);
        Assert.Contains("has not been fitted", Assert.Throws<InvalidOperationException>(() => unfitted.Encode(zeros(1, 1, 16, dtype: ScalarType.Float64))).Message);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
