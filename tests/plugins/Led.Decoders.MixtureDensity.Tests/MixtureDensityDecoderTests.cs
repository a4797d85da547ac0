using Led.Abstractions.Observables;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Led.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Decoders.MixtureDensity.Tests;

/// <summary>
/// The decoder with its output layer set to a known mixture (zero weights, the raw parameters as bias): two components
/// in 3-D with weights 0.3 / 0.7, means and Cholesky factors below.
/// </summary>
public class MixtureDensityDecoderTests
{
    private const int Points = 40000;
    private static readonly double[] Weights = [0.3, 0.7];
    private static readonly double[][] Means = [[0.2, -0.4, 0.1], [-0.3, 0.5, 0.0]];
    // Lower triangles row by row: L00, L10, L11, L20, L21, L22.
    private static readonly double[][] Cholesky = [[0.3, 0.1, 0.2, -0.05, 0.04, 0.25], [0.15, -0.06, 0.35, 0.02, 0.1, 0.2]];

    private static MixtureDensityDecoder Known(bool logit, int points = Points)
    {
        var system = new SystemDescription(new PointSetObservable(points, ["x", "y", "z"]), 1.0);
        var decoder = new MixtureDensityDecoder(new MixtureDensityDecoderOptions { Components = 2, Layers = [8], Logit = logit }, system,
            new Led.Abstractions.Learning.LatentSpace(4), CpuDevice.Seeded(1));
        var raw = new List<double> { Math.Log(Weights[0]), Math.Log(Weights[1]) };
        raw.AddRange(Means[0]);
        raw.AddRange(Means[1]);
        foreach (var l in Cholesky)
            raw.AddRange(l.Select((v, i) => i is 0 or 2 or 5 ? Math.Log(v) : v));
        var p = decoder.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);
        using (no_grad())
        {
            p["mlp.2.weight"].zero_();
            p["mlp.2.bias"].copy_(tensor(raw.ToArray()));
        }
        return decoder;
    }

    /// <summary>log p(x) of the known mixture by forward substitution, Σ = L Lᵀ.</summary>
    private static double LogDensity(double[] x)
    {
        double total = 0;
        for (int k = 0; k < 2; k++)
        {
            var l = Cholesky[k];
            double[,] m = { { l[0], 0, 0 }, { l[1], l[2], 0 }, { l[3], l[4], l[5] } };
            var z = new double[3];
            for (int i = 0; i < 3; i++)
            {
                double s = x[i] - Means[k][i];
                for (int j = 0; j < i; j++) s -= m[i, j] * z[j];
                z[i] = s / m[i, i];
            }
            double logDet = Math.Log(l[0]) + Math.Log(l[2]) + Math.Log(l[5]);
            total += Weights[k] * Math.Exp(-0.5 * z.Sum(v => v * v) - logDet - 1.5 * Math.Log(2 * Math.PI));
        }
        return Math.Log(total);
    }

    [Fact]
    public void TheLikelihoodIsThatOfTheKnownMixturePerValue()
    {
        using var scope = NewDisposeScope();
        var decoder = Known(logit: false, points: 3);
        double[][] x = [[0.1, -0.2, 0.3], [-0.5, 0.6, -0.1], [1.0, 1.0, 1.0]];
        var states = tensor(x.SelectMany(v => v).ToArray(), [1, 3, 3], ScalarType.Float64);
        double expected = x.Sum(LogDensity) / 9;
        Assert.Equal(expected, decoder.LogLikelihood(zeros(1, 4, dtype: ScalarType.Float64), states).item<double>(), 1e-12);
    }

    [Fact]
    public void InLogitSpaceTheLikelihoodCarriesTheJacobian()
    {
        using var scope = NewDisposeScope();
        var decoder = Known(logit: true, points: 2);
        double[][] x = [[0.3, 0.6, 0.5], [0.9, 0.05, 0.45]];
        double expected = x.Sum(p => LogDensity(p.Select(v => Math.Log(v / (1 - v))).ToArray()) - p.Sum(v => Math.Log(v * (1 - v)))) / 6;
        var states = tensor(x.SelectMany(v => v).ToArray(), [1, 2, 3], ScalarType.Float64);
        Assert.Equal(expected, decoder.LogLikelihood(zeros(1, 4, dtype: ScalarType.Float64), states).item<double>(), 1e-12);
    }

    [Fact]
    public void SamplesHaveTheMixtureMeanAndCovariance()
    {
        // 40000 i.i.d. points: the standard error of a mean is √(Σ_dd/N) ≤ 0.5/200 = 0.0025 and of a covariance entry
        // ≤ √(2)·0.25/200 ≈ 0.0018; tolerances 0.01 (4 standard errors).
        using var scope = NewDisposeScope();
        var decoder = Known(logit: false);
        var generator = new Generator(5, torch.CPU);
        var x = decoder.Sample(zeros(1, 4, dtype: ScalarType.Float64), generator)[0];            // [N, 3]
        var mean = new double[3];
        var second = new double[3, 3];
        for (int k = 0; k < 2; k++)
        {
            var l = Cholesky[k];
            double[,] m = { { l[0], 0, 0 }, { l[1], l[2], 0 }, { l[3], l[4], l[5] } };
            for (int i = 0; i < 3; i++)
            {
                mean[i] += Weights[k] * Means[k][i];
                for (int j = 0; j < 3; j++)
                {
                    double sigma = 0;
                    for (int q = 0; q < 3; q++) sigma += m[i, q] * m[j, q];
                    second[i, j] += Weights[k] * (sigma + Means[k][i] * Means[k][j]);
                }
            }
        }
        var sampleMean = x.mean([0]).data<double>().ToArray();
        var centred = x - x.mean([0]);
        var covariance = (centred.t().matmul(centred) / Points).data<double>().ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(mean[i], sampleMean[i], 0.01);
            for (int j = 0; j < 3; j++) Assert.Equal(second[i, j] - mean[i] * mean[j], covariance[3 * i + j], 0.01);
        }
        Assert.True(allclose(decoder.Decode(zeros(1, 4, dtype: ScalarType.Float64))[0, 0], tensor(mean), rtol: 0, atol: 1e-12));
    }

    [Fact]
    public void LogitSamplesStayInTheUnitBoxAndTheirMeanIsTheDecodedMean()
    {
        // Same sampling error as above, shrunk by the logistic's slope ≤ 1/4: tolerance 0.005.
        using var scope = NewDisposeScope();
        var decoder = Known(logit: true);
        var x = decoder.Sample(zeros(1, 4, dtype: ScalarType.Float64), new Generator(8, torch.CPU))[0];
        Assert.True(x.min().item<double>() > 0 && x.max().item<double>() < 1);
        var decoded = decoder.Decode(zeros(1, 4, dtype: ScalarType.Float64))[0];
        Assert.Equal([Points, 3L], decoded.shape);
        var sampleMean = x.mean([0]).data<double>().ToArray();
        var mean = decoded[0].data<double>().ToArray();
        for (int i = 0; i < 3; i++) Assert.Equal(sampleMean[i], mean[i], 0.005);
    }

    [Fact]
    public void ThePluginRegistersTheDecoder() =>
        RegistrationAssert.Single(new MixtureDensityPlugin(), ComponentKind.Decoder, "MixtureDensityDecoder",
            typeof(MixtureDensityDecoder), typeof(MixtureDensityDecoderOptions));
}
