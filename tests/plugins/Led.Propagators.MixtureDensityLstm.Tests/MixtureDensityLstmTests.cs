using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Propagators.MixtureDensityLstm.Tests;

public class MixtureDensityLstmTests
{
    [Fact]
    public void WithAConstantHeadTheDistributionIsTheKnownMixtureAroundTheCurrentLatent()
    {
        // Zero head weights: the raw parameters are the bias whatever h, so the next latent ~ Σ_k π_k N(z_t + b_k, L_k L_kᵀ).
        using var scope = NewDisposeScope();
        var lstm = new MixtureDensityLstm(new MixtureDensityLstmOptions { Hidden = 8, Components = 2 }, new LatentSpace(2), CpuDevice.Seeded(4));
        var p = lstm.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);
        // logits, means (2 × 2), Cholesky rows (L00, L10, L11) × 2 with log diagonals
        double[] raw = [Math.Log(0.25), Math.Log(0.75), 0.1, -0.2, -0.3, 0.0, Math.Log(0.5), 0.2, Math.Log(0.3), Math.Log(0.2), 0.0, Math.Log(0.4)];
        using (no_grad())
        {
            p["head.weight"].zero_();
            p["head.bias"].copy_(tensor(raw));
        }
        var z = tensor(new[] { 0.4, 0.6, 0.5, 0.1 }, [1, 2, 2], ScalarType.Float64);
        var target = tensor(new[] { 0.7, 0.3, 0.2, 0.2 }, [1, 2, 2], ScalarType.Float64);
        using var state = lstm.Start(1);
        var logLikelihood = lstm.LogLikelihood(state, z, target).data<double>().ToArray();
        for (int t = 0; t < 2; t++)
        {
            double[] zt = [z[0, t, 0].item<double>(), z[0, t, 1].item<double>()], y = [target[0, t, 0].item<double>(), target[0, t, 1].item<double>()];
            double density = 0.25 * Normal2(y, [zt[0] + 0.1, zt[1] - 0.2], 0.5, 0.2, 0.3) + 0.75 * Normal2(y, [zt[0] - 0.3, zt[1]], 0.2, 0.0, 0.4);
            Assert.Equal(Math.Log(density) / 2, logLikelihood[t], 1e-12);
        }
        using var fresh = lstm.Start(1);
        var mean = lstm.Forward(fresh, z)[0, 1].data<double>().ToArray();
        Assert.Equal(0.5 + 0.25 * 0.1 + 0.75 * -0.3, mean[0], 1e-12);
        Assert.Equal(0.1 + 0.25 * -0.2, mean[1], 1e-12);
    }

    /// <summary>The 2-D normal density with mean m and Cholesky factor [[a, 0], [b, c]].</summary>
    private static double Normal2(double[] y, double[] m, double a, double b, double c)
    {
        double z0 = (y[0] - m[0]) / a, z1 = (y[1] - m[1] - b * z0) / c;
        return Math.Exp(-0.5 * (z0 * z0 + z1 * z1)) / (2 * Math.PI * a * c);
    }

    [Fact]
    public void TrainedByLikelihoodItRecoversAnAr1ProcesssConditionalMeanAndVariance()
    {
        // z_{t+1} = 0.3 + 0.6 z_t + 0.1 ξ: 64 sequences of 30 steps from the stationary law N(0.75, 0.0156). A K = 1 MD-LSTM
        // trained by NLL (Adam, 600 full-batch steps) must give, over the data, a predicted mean whose regression on z_t has
        // slope 0.6 ± 0.06 and intercept 0.3 ± 0.05, and a predicted standard deviation of 0.1 ± 0.015 (sampling error of
        // the fitted slope ≈ 0.1/√(1856·0.0156) ≈ 0.018, of the std ≈ 0.1/√3712 ≈ 0.002; the rest is optimisation slack).
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(12);
        var lstm = new MixtureDensityLstm(new MixtureDensityLstmOptions { Hidden = 16, Components = 1 }, new LatentSpace(1), device);
        var generator = new Generator(3, torch.CPU);
        var z = empty(64, 31, 1, dtype: ScalarType.Float64);
        z[.., 0] = 0.75 + 0.125 * randn(64, 1, dtype: ScalarType.Float64, generator: generator);
        for (int t = 0; t < 30; t++) z[.., t + 1] = 0.3 + 0.6 * z[.., t] + 0.1 * randn(64, 1, dtype: ScalarType.Float64, generator: generator);
        var inputs = z[.., ..30];
        var targets = z[.., 1..];
        var optimizer = optim.Adam(lstm.Module.parameters(), lr: 0.01);
        for (int step = 0; step < 600; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            using var state = lstm.Start(64);
            var loss = -lstm.LogLikelihood(state, inputs, targets).mean();
            loss.backward();
            optimizer.step();
        }
        using (no_grad())
        {
            using var state = lstm.Start(64);
            using var mixture = lstm.Predict(state, inputs);
            var mean = mixture.Mean().flatten().data<double>().ToArray();
            var x = inputs.flatten().data<double>().ToArray();
            double mx = x.Average(), my = mean.Average();
            double slope = x.Zip(mean).Sum(v => (v.First - mx) * (v.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
            double intercept = my - slope * mx;
            double std = Math.Sqrt(mixture.ComponentVariances().mean().item<double>());
            Assert.InRange(slope, 0.54, 0.66);
            Assert.InRange(intercept, 0.25, 0.35);
            Assert.InRange(std, 0.085, 0.115);
        }
    }

    [Fact]
    public void SamplesFollowThePredictedDistribution()
    {
        // 4000 draws of a 1-D K = 1 prediction: mean within 4·σ/√4000, std within 4·σ/√8000.
        using var scope = NewDisposeScope();
        var lstm = new MixtureDensityLstm(new MixtureDensityLstmOptions { Hidden = 4, Components = 1 }, new LatentSpace(1), CpuDevice.Seeded(2));
        var p = lstm.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);
        using (no_grad())
        {
            p["head.weight"].zero_();
            p["head.bias"].copy_(tensor(new[] { 0.0, 0.2, Math.Log(0.05) }));
        }
        using var state = lstm.Start(4000);
        var draws = lstm.Sample(state, full(4000, 1, 1, 0.5, dtype: ScalarType.Float64), new Generator(9, torch.CPU));
        Assert.Equal([4000L, 1, 1], draws.shape);
        Assert.Equal(0.7, draws.mean().item<double>(), 4 * 0.05 / Math.Sqrt(4000));
        Assert.Equal(0.05, draws.std().item<double>(), 4 * 0.05 / Math.Sqrt(8000));
    }

    [Fact]
    public void ThePluginRegistersThePropagator() =>
        RegistrationAssert.Single(new MixtureDensityLstmPlugin(), ComponentKind.Propagator, "MixtureDensityLstm",
            typeof(MixtureDensityLstm), typeof(MixtureDensityLstmOptions));
}
