using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class GaussianMixtureTests
{
    [Fact]
    public void TheRawLayoutGivesWeightsMeansAndALowerTriangleWithExponentiatedDiagonal()
    {
        using var scope = NewDisposeScope();
        // K = 1, D = 2: [logit | μ0 μ1 | L00 L10 L11] with L00, L11 as logarithms.
        var raw = tensor(new[] { 0.3, 1.0, -2.0, Math.Log(0.5), 0.7, Math.Log(2.0) }, [1, 6], ScalarType.Float64);
        Assert.Equal(6, GaussianMixture.RawSize(1, 2));
        using var mixture = GaussianMixture.FromRaw(raw, 1, 2);
        Assert.Equal(0.0, mixture.LogWeights.item<double>(), 1e-15);
        Assert.Equal([1.0, -2.0], mixture.Means.data<double>().ToArray());
        Assert.Equal([0.5, 0.0, 0.7, 2.0], mixture.Tril.data<double>().ToArray().Select(v => Math.Round(v, 14)));
        Assert.Equal([0.25, 0.49 + 4.0], mixture.ComponentVariances().data<double>().ToArray().Select(v => Math.Round(v, 14)));
    }

    [Fact]
    public void TheLogDensityIsTheBivariateNormalsAndTheMixtureAddsWeightedDensities()
    {
        using var scope = NewDisposeScope();
        // Two components in 2-D, weights 0.2 / 0.8, evaluated at two points.
        var logWeights = tensor(new[] { Math.Log(0.2), Math.Log(0.8) }, [1, 2], ScalarType.Float64);
        var means = tensor(new[] { 0.0, 0.0, 1.0, -1.0 }, [1, 2, 2], ScalarType.Float64);
        var tril = tensor(new[] { 1.0, 0.0, 0.5, 2.0, 0.3, 0.0, -0.2, 0.4 }, [1, 2, 2, 2], ScalarType.Float64);
        using var mixture = GaussianMixture.FromParameters(logWeights, means, tril);
        var points = tensor(new[] { 0.5, 0.5, 1.2, -0.8 }, [1, 2, 2], ScalarType.Float64);
        var logp = mixture.LogProb(points).data<double>().ToArray();

        static double Normal(double x, double y, double mx, double my, double a, double b, double c)
        {
            double z0 = (x - mx) / a, z1 = (y - my - b * z0) / c;
            return Math.Exp(-0.5 * (z0 * z0 + z1 * z1)) / (2 * Math.PI * a * c);
        }
        foreach (var (i, x, y) in new[] { (0, 0.5, 0.5), (1, 1.2, -0.8) })
            Assert.Equal(Math.Log(0.2 * Normal(x, y, 0, 0, 1, 0.5, 2) + 0.8 * Normal(x, y, 1, -1, 0.3, -0.2, 0.4)), logp[i], 1e-12);
    }

    [Fact]
    public void DrawsHaveTheMixtureMean()
    {
        // 20000 draws: the mean's standard error is below √(4.25/20000) ≈ 0.015 per axis; tolerance 0.06.
        using var scope = NewDisposeScope();
        var logWeights = tensor(new[] { Math.Log(0.2), Math.Log(0.8) }, [1, 2], ScalarType.Float64);
        var means = tensor(new[] { 0.0, 0.0, 1.0, -1.0 }, [1, 2, 2], ScalarType.Float64);
        var tril = tensor(new[] { 1.0, 0.0, 0.5, 2.0, 0.3, 0.0, -0.2, 0.4 }, [1, 2, 2, 2], ScalarType.Float64);
        using var mixture = GaussianMixture.FromParameters(logWeights, means, tril);
        var draws = mixture.Sample(20000, new Generator(3, torch.CPU));
        Assert.Equal([1L, 20000, 2], draws.shape);
        var mean = draws.mean([1]).data<double>().ToArray();
        var expected = mixture.Mean().data<double>().ToArray();
        Assert.Equal([0.8, -0.8], expected.Select(v => Math.Round(v, 14)));
        for (int d = 0; d < 2; d++) Assert.Equal(expected[d], mean[d], 0.06);
    }
}
