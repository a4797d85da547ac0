using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Autoencoders.DiffusionMaps.Tests;

public class DiffusionMapsAutoencoderTests
{
    private static readonly SystemDescription Line = new(["u"], [16], [1.0], 0.1, true);

    /// <summary>Points at angles θ on a circle of radius 0.3 about 0.5, placed in R^16 by a fixed orthonormal 2-frame: [n, 1, 16].</summary>
    private static Tensor Circle(Tensor theta)
    {
        var generator = new TorchSharp.torch.Generator(7);
        var (frame, _) = linalg.qr(randn(16, 2, dtype: ScalarType.Float64, generator: generator));
        var plane = stack([theta.cos(), theta.sin()], 1).mul(0.3);
        return plane.matmul(frame.t()).add(0.5).unsqueeze(1);
    }

    private static Tensor UniformAngles(int n, double phase) => arange(n, dtype: ScalarType.Float64).mul(2 * Math.PI / n).add(phase);

    /// <summary>Frames on a 2-torus (two incommensurate phases) in R^16, distinct: [n, 1, 16].</summary>
    private static Tensor TorusFrames(int n)
    {
        var t = arange(n, dtype: ScalarType.Float64);
        var x = linspace(0, 1, 16, dtype: ScalarType.Float64).unsqueeze(0);
        var a = t.mul(0.37).unsqueeze(1);
        var b = t.mul(0.37 * Math.Sqrt(2)).unsqueeze(1);
        return x.mul(2 * Math.PI).add(a).sin().mul(0.2).add(x.mul(4 * Math.PI).add(b).cos().mul(0.1)).add(0.5).unsqueeze(1);
    }

    private static DiffusionMapsAutoencoder Fitted(DiffusionMapsOptions options, Tensor frames, IDeviceContext? device = null)
    {
        var maps = new DiffusionMapsAutoencoder(options, Line, device ?? CpuDevice.Seeded(1));
        maps.Fit(new FitData([frames], []));
        return maps;
    }

    /// <summary>Angles of 2-d coordinates [n, 2], unwrapped along n.</summary>
    private static double[] UnwrappedAngles(Tensor z)
    {
        var angles = atan2(z[.., 1], z[.., 0]).data<double>().ToArray();
        for (int i = 1; i < angles.Length; i++)
            angles[i] -= 2 * Math.PI * Math.Round((angles[i] - angles[i - 1]) / (2 * Math.PI));
        return angles;
    }

    [Fact]
    public void OnACircleTheTwoCoordinatesAreTheAngleOnACircle()
    {
        using var scope = NewDisposeScope();
        const int n = 120;
        var maps = Fitted(new DiffusionMapsOptions { LatentDim = 2 }, Circle(UniformAngles(n, 0.1)));
        var z = maps.Encode(Circle(UniformAngles(n, 0.1)));

        // The kernel is circulant: ψ_2, ψ_3 span cos θ, sin θ; with unit norm the radius is √(2/n) exactly.
        var radius = z.square().sum(1).sqrt();
        Assert.True(radius.sub(Math.Sqrt(2.0 / n)).abs().max().item<double>() < 1e-9, $"radius spread {radius.max().item<double>() - radius.min().item<double>():E2}");
        var angles = UnwrappedAngles(z);
        var steps = angles.Zip(angles.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(steps, step => Assert.Equal(Math.Sign(steps[0]) * 2 * Math.PI / n, step, 1e-9));
        Assert.Equal(2 * Math.PI * (n - 1) / n, Math.Abs(angles[^1] - angles[0]), 1e-9);

        // Unseen points half-way between samples are extended (Nyström) half-way, near the same circle.
        var between = maps.Encode(Circle(UniformAngles(n, 0.1 + Math.PI / n)));
        Assert.True(between.square().sum(1).sqrt().sub(Math.Sqrt(2.0 / n)).abs().max().item<double>() < 1e-3 * Math.Sqrt(2.0 / n));
        var middle = UnwrappedAngles(cat([z[..1], between[..1], z[1..2]], 0));
        Assert.Equal(0.5 * (middle[0] + middle[2]), middle[1], 1e-6);
    }

    [Fact]
    public void TrainingFramesRoundTripExactlyWithLandmarksOrWithout()
    {
        using var scope = NewDisposeScope();
        var frames = TorusFrames(300);
        foreach (int landmarks in new[] { 300, 70 })
        {
            var maps = Fitted(new DiffusionMapsOptions { LatentDim = 4, MaxLandmarks = landmarks }, frames);
            Assert.Equal(landmarks, maps.LandmarkCount);
            Assert.Equal(300, maps.FrameCount);
            var reconstructed = maps.Decode(maps.Encode(frames));
            double error = reconstructed.sub(frames).abs().max().item<double>();
            Assert.True(error < 1e-12, $"{landmarks} landmarks: round-trip error {error:E2}");
        }
    }

    [Fact]
    public void AtTheLandmarksTheNystromExtensionReproducesTheUnitNormEigenvectors()
    {
        using var scope = NewDisposeScope();
        var frames = TorusFrames(200);
        var maps = Fitted(new DiffusionMapsOptions { LatentDim = 3 }, frames);
        var z = maps.Encode(frames);
        // ψ_j has unit 2-norm over the landmarks (all frames here), and its largest |entry| is positive.
        Assert.True(linalg.vector_norm(z, dims: [0]).sub(1).abs().max().item<double>() < 1e-10);
        var largest = z.abs().argmax(0);
        Assert.True(z.gather(0, largest.unsqueeze(0)).gt(0).all().item<bool>());
        Assert.True(maps.Eigenvalues[0] >= maps.Eigenvalues[1] && maps.Eigenvalues[1] >= maps.Eigenvalues[2] && maps.Eigenvalues[2] > 0 && maps.Eigenvalues[0] < 1);
    }

    [Fact]
    public void TheKernelWidthIsTheFactorTimesTheMedianOfAllPairwiseDistances()
    {
        using var scope = NewDisposeScope();
        // Points 0, 0.1, 0.3, 0.7 along one axis: the 16 distances (diagonal included) sorted are 0 ×4, 0.1, 0.1, 0.2,
        // 0.2, 0.3, 0.3, 0.4, 0.4, 0.6, 0.6, 0.7, 0.7; numpy's median of an even count is the mean of the middle two, 0.25.
        var frames = full(4, 1, 16, 0.2, dtype: ScalarType.Float64);
        frames[.., 0, 3] += tensor(new[] { 0.0, 0.1, 0.3, 0.7 }, dtype: ScalarType.Float64);
        var maps = Fitted(new DiffusionMapsOptions { LatentDim = 2, EpsilonFactor = 2 }, frames);
        Assert.Equal(0.5, maps.Epsilon, 1e-12);
    }

    [Fact]
    public void DecodedStatesAreConvexCombinationsOfTrainingFrames()
    {
        using var scope = NewDisposeScope();
        var frames = TorusFrames(150);
        var maps = Fitted(new DiffusionMapsOptions { LatentDim = 2, Neighbors = 5 }, frames);
        var z = maps.Encode(frames);
        var generator = new TorchSharp.torch.Generator(3);
        var probes = z[..20].add(randn(20, 2, dtype: ScalarType.Float64, generator: generator).mul(z.std().item<double>() * 0.2));
        var decoded = maps.Decode(probes);
        Assert.Equal([20L, 1, 16], decoded.shape);
        var low = frames.amin([0]).sub(1e-12);
        var high = frames.amax([0]).add(1e-12);
        Assert.True(decoded.ge(low).all().item<bool>() && decoded.le(high).all().item<bool>());
    }

    [Fact]
    public void SaveAndLoadRoundTripBitExactlyInBothPrecisions()
    {
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            using var scope = NewDisposeScope();
            var device = CpuDevice.Seeded(2, dtype);
            var frames = TorusFrames(120).to(dtype);
            var options = new DiffusionMapsOptions { LatentDim = 3, MaxLandmarks = 50 };
            var maps = Fitted(options, frames, device);
            using var stream = new MemoryStream();
            maps.Save(stream);
            stream.Position = 0;
            var loaded = new DiffusionMapsAutoencoder(options, Line, device);
            loaded.Load(stream);

            var unseen = TorusFrames(131)[120..].to(dtype);
            var z = maps.Encode(unseen);
            Assert.Equal(dtype, z.dtype);
            Assert.True(z.eq(loaded.Encode(unseen)).all().item<bool>());
            var decoded = maps.Decode(z);
            Assert.Equal(dtype, decoded.dtype);
            Assert.True(decoded.eq(loaded.Decode(z)).all().item<bool>());
            Assert.Equal(maps.Eigenvalues, loaded.Eigenvalues);

            stream.Position = 0;
            var other = new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 2 }, Line, device);
            Assert.Contains("d_z = 3", Assert.Throws<InvalidDataException>(() => other.Load(stream)).Message);
        }
    }

    [Fact]
    public void DuplicateFramesDoNotChangeTheFit()
    {
        using var scope = NewDisposeScope();
        var frames = TorusFrames(80);
        var repeated = cat([frames, frames[..1].expand(200, 1, 16), frames[10..30]], 0);
        var a = Fitted(new DiffusionMapsOptions { LatentDim = 3 }, frames);
        var b = Fitted(new DiffusionMapsOptions { LatentDim = 3 }, repeated);
        Assert.Equal(80, b.FrameCount);
        Assert.Equal(a.Epsilon, b.Epsilon);
        Assert.True(a.Encode(frames).eq(b.Encode(frames)).all().item<bool>());
    }

    [Fact]
    public void TheCompiledDecoderAgreesWithTheTensorPath()
    {
        using var scope = NewDisposeScope();
        var frames = TorusFrames(90);
        var maps = Fitted(new DiffusionMapsOptions { LatentDim = 3 }, frames);
        var z = maps.Encode(TorusFrames(95)[90..]);
        var expected = maps.Decode(z).data<double>().ToArray();
        var decoder = maps.CompileDecoder();
        var latents = z.data<double>().ToArray();
        var state = new double[16];
        for (int b = 0; b < 5; b++)
        {
            decoder.Decode(latents.AsSpan(b * 3, 3), state);
            Assert.Equal(expected.AsSpan(b * 16, 16).ToArray(), state);
        }
    }

    [Fact]
    public void WrongShapesNameTheExpectedAndActualShape()
    {
        using var scope = NewDisposeScope();
        var maps = Fitted(new DiffusionMapsOptions { LatentDim = 2 }, TorusFrames(30));
        Assert.Equal("expected states [B, 1, 16], got [4, 1, 17]", Assert.Throws<ArgumentException>(() => maps.Encode(zeros(4, 1, 17, dtype: ScalarType.Float64))).Message);
        Assert.Equal("expected states [B, 1, 16], got [4, 16]", Assert.Throws<ArgumentException>(() => maps.Encode(zeros(4, 16, dtype: ScalarType.Float64))).Message);
        Assert.Equal("expected latents [B, 2], got [4, 3]", Assert.Throws<ArgumentException>(() => maps.Decode(zeros(4, 3, dtype: ScalarType.Float64))).Message);
    }

    [Fact]
    public void MisuseGivesClearErrors()
    {
        var device = CpuDevice.Seeded(4);
        var invalid = Assert.Throws<ArgumentException>(() => new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 8, MaxLandmarks = 8 }, Line, device));
        Assert.Contains("maxLandmarks 8 must exceed latentDim 8", invalid.Message);
        Assert.Contains("latentDim must be ≥ 1", Assert.Throws<ArgumentException>(() => new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 0 }, Line, device)).Message);

        var unfitted = new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 2 }, Line, device);
        Assert.Contains("have not been fitted", Assert.Throws<InvalidOperationException>(() => unfitted.Encode(zeros(1, 1, 16, dtype: ScalarType.Float64))).Message);
        using var few = TorusFrames(3);
        var tooFew = Assert.Throws<ArgumentException>(() => unfitted.Fit(new FitData([few], [])));
        Assert.Equal("diffusion maps with latentDim = 2 need at least 4 distinct training frames, got 3", tooFew.Message);
    }

    [Fact]
    public void EncodingInBlocksMatchesSmallBatchesAndLeavesNoTensorBehind()
    {
        using var frames = TorusFrames(2100);
        using var maps = new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 2, MaxLandmarks = 40 }, Line, CpuDevice.Seeded(5));
        using (var fitScope = NewDisposeScope()) maps.Fit(new FitData([frames], []));
        long live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var scope = NewDisposeScope())
        {
            var all = maps.Encode(frames);
            Assert.Equal([2100L, 2], all.shape);
            var across = maps.Encode(frames[1000..1100]);
            Assert.True(allclose(all[1000..1100], across, rtol: 1e-13, atol: 0));
        }
        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void DisposingReleasesTheFittedTensorsOnceAndForbidsFurtherUse()
    {
        var maps = new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = 2 }, Line, CpuDevice.Seeded(3));
        using (var scope = NewDisposeScope()) maps.Fit(new FitData([TorusFrames(20)], []));
        long live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        maps.Dispose();
        maps.Dispose();

        Assert.Equal(live - 3, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Throws<ObjectDisposedException>(() => maps.CompileDecoder());
        using var frames = zeros(1, 1, 16, dtype: ScalarType.Float64);
        Assert.Throws<ObjectDisposedException>(() => maps.Encode(frames));
    }
}
