using Led.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public class VariationalObjectiveTests
{
    [Fact]
    public void TheKlTermIsTheClosedFormOfTwoGaussiansAgainstTheStandardNormal()
    {
        using var scope = NewDisposeScope();
        var mean = tensor(new[,] { { 0.5, -1.0 }, { 0.0, 0.0 } }, ScalarType.Float64);
        var logVariance = tensor(new[,] { { 0.0, Math.Log(2) }, { 0.0, 0.0 } }, ScalarType.Float64);

        var kl = VariationalObjective.KullbackLeibler(mean, logVariance).data<double>().ToArray();

        // ½·Σ (μ² + σ² − 1 − log σ²): ½·[(0.25 + 1 − 1 − 0) + (1 + 2 − 1 − ln 2)] = ½·(2.25 − ln 2); the prior itself has KL 0.
        Assert.Equal(2, kl.Length);
        Assert.Equal(0.5 * (2.25 - Math.Log(2)), kl[0], 1e-14);
        Assert.Equal(0.0, kl[1], 1e-15);
    }

    [Fact]
    public void TheLossAddsBetaTimesTheKlPerValueAndIsTheReconstructionAtBetaZero()
    {
        using var scope = NewDisposeScope();
        var mean = tensor(new[,] { { 0.5, -1.0 }, { 1.0, 2.0 } }, ScalarType.Float64);
        var logVariance = tensor(new[,] { { 0.0, Math.Log(2) }, { -1.0, 0.5 } }, ScalarType.Float64);
        var reconstruction = tensor(0.125, ScalarType.Float64);
        double kl0 = 0.5 * (2.25 - Math.Log(2));
        double kl1 = 0.5 * ((1 + Math.Exp(-1) - 1 + 1) + (4 + Math.Exp(0.5) - 1 - 0.5));

        Assert.Equal(0.125, VariationalObjective.Loss(reconstruction, mean, logVariance, 0, 10).item<double>());
        Assert.Equal(0.125 + 3 * (kl0 + kl1) / 2 / 10, VariationalObjective.Loss(reconstruction, mean, logVariance, 3, 10).item<double>(), 1e-14);
    }

    [Fact]
    public void SamplesHaveTheEncodedMeanAndVarianceAndTheSameSeedDrawsTheSame()
    {
        using var scope = NewDisposeScope();
        const int n = 100_000;
        var mean = tensor(new[] { 1.5, -2.0 }, ScalarType.Float64).expand(n, 2);
        var logVariance = tensor(new[] { Math.Log(0.25), Math.Log(4) }, ScalarType.Float64).expand(n, 2);
        using var generator = new Generator(7);

        var z = VariationalObjective.Sample(mean, logVariance, generator);

        // Five standard errors: of the mean σ/√n, of the sample variance σ²·√(2/n).
        double[] sampleMean = z.mean([0]).data<double>().ToArray(), sampleVariance = z.var(0).data<double>().ToArray();
        double[] expectedMean = [1.5, -2.0], variance = [0.25, 4];
        for (int j = 0; j < 2; j++)
        {
            Assert.True(Math.Abs(sampleMean[j] - expectedMean[j]) < 5 * Math.Sqrt(variance[j] / n), $"mean {sampleMean[j]} of dimension {j}");
            Assert.True(Math.Abs(sampleVariance[j] - variance[j]) < 5 * variance[j] * Math.Sqrt(2.0 / n), $"variance {sampleVariance[j]} of dimension {j}");
        }
        using var again = new Generator(7);
        Assert.True(z.eq(VariationalObjective.Sample(mean, logVariance, again)).all().item<bool>(), "the same seed drew other samples");
    }

    [Fact]
    public void GradientsReachTheMeanAndTheLogVarianceThroughTheSample()
    {
        using var scope = NewDisposeScope();
        var mean = tensor(new[,] { { 0.3, -0.7, 1.1 } }, ScalarType.Float64).requires_grad_();
        var logVariance = tensor(new[,] { { -0.4, 0.2, 1.0 } }, ScalarType.Float64).requires_grad_();
        using var generator = new Generator(3);

        var z = VariationalObjective.Sample(mean, logVariance, generator);
        z.sum().backward();

        // dz/dμ = 1; dz/d(log σ²) = ½·σ·ε = ½·(z − μ).
        using var noGrad = no_grad();
        var expected = z.sub(mean).mul(0.5);
        Assert.True(mean.grad!.eq(ones_like(mean)).all().item<bool>(), "dz/dμ is not 1");
        Assert.True(logVariance.grad!.allclose(expected, rtol: 0, atol: 1e-14), "dz/dlog σ² is not ½·σ·ε");
        Assert.True(logVariance.grad!.abs().min().item<double>() > 0, "no gradient reaches log σ²");
    }
}
