using Led.Abstractions.Learning;
using Led.Core.Forecasting;
using Led.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Forecasting;

/// <summary>With an identity autoencoder and the exact one-step map as propagator, Latent-LED must reproduce the truth:
/// this pins down the warm-up and indexing convention (predictions are frames w … w+H−1).</summary>
public class LatentForecasterTests
{
    private sealed class Identity : IAutoencoder
    {
        public int LatentDim => 2;

        public Tensor Encode(Tensor states) => states.reshape(states.shape[0], 2);

        public Tensor Decode(Tensor latents) => latents.reshape(latents.shape[0], 1, 2);
    }

    /// <summary>z_{t+1} = R z_t (a rotation by 0.2 rad), but only after having seen at least one input.</summary>
    private sealed class ExactRotation : ILatentPropagator
    {
        public PropagatorState Start(int batchSize) => new Counter();

        public Tensor Forward(PropagatorState state, Tensor latents)
        {
            ((Counter)state).Seen += latents.shape[1];
            var rotation = tensor(new[,] { { Math.Cos(0.2), Math.Sin(0.2) }, { -Math.Sin(0.2), Math.Cos(0.2) } }, dtype: ScalarType.Float64);
            return latents.matmul(rotation);
        }

        public sealed class Counter : PropagatorState
        {
            public long Seen { get; set; }

            public override void Detach() { }

            public override void Dispose() { }
        }
    }

    [Fact]
    public void AnExactModelReproducesTheTrajectoryFromFrameWarmupOn()
    {
        using var scope = NewDisposeScope();
        const int T = 30, warmup = 6, horizon = 20;
        var trajectory = zeros(2, T, 1, 2, dtype: ScalarType.Float64);
        for (int b = 0; b < 2; b++)
            for (int t = 0; t < T; t++)
            {
                double angle = 0.2 * t + b;                       // the row vector z_t R is z_t rotated by +0.2
                trajectory[b, t, 0, 0] = Math.Cos(angle);
                trajectory[b, t, 0, 1] = Math.Sin(angle);
            }
        using var forecast = new LatentForecaster(new Identity(), new ExactRotation(), null).Run(trajectory, warmup, horizon);
        Assert.Equal([2L, horizon, 1, 2], forecast.Predictions.shape);
        var expected = trajectory[.., warmup..(warmup + horizon)];
        double error = (forecast.Predictions - expected).abs().max().item<double>();
        Assert.True(error < 1e-12, $"max error {error}: predictions are not aligned with frames {warmup} … {warmup + horizon - 1}");
        Assert.Equal([2L, warmup + horizon, 2], forecast.EncodedTruth.shape);
    }

    private static Tensor Circles(int count, int length)
    {
        var trajectory = zeros(count, length, 1, 2, dtype: ScalarType.Float64);
        for (int b = 0; b < count; b++)
            for (int t = 0; t < length; t++)
            {
                trajectory[b, t, 0, 0] = Math.Cos(0.2 * t + b);
                trajectory[b, t, 0, 1] = Math.Sin(0.2 * t + b);
            }
        return trajectory;
    }

    [Fact]
    public void DecodingEveryStep_IsTheDefault_ExactlyTheSameForecast()
    {
        using var scope = NewDisposeScope();
        var trajectory = Circles(2, 30);
        var forecaster = new LatentForecaster(new Identity(), new ExactRotation(), new LatentScaler([-2, -1], [1, 3]));

        using var plain = forecaster.Run(trajectory, 6, 20);
        using var every1 = forecaster.Run(trajectory, 6, 20, decodeEvery: 1);

        Assert.Equal(1, every1.DecodeEvery);
        Assert.True(plain.Predictions.eq(every1.Predictions).all().item<bool>());
        Assert.True(plain.Latents.eq(every1.Latents).all().item<bool>());
    }

    [Fact]
    public void DecodingEveryThirdStep_DecodesStepsThreeSixAndSoOn_EqualToTheEveryStepForecastThere()
    {
        using var scope = NewDisposeScope();
        var trajectory = Circles(2, 30);
        var forecaster = new LatentForecaster(new Identity(), new ExactRotation(), new LatentScaler([-2, -1], [1, 3]));

        using var all = forecaster.Run(trajectory, 6, 20);
        using var thirds = forecaster.Run(trajectory, 6, 20, decodeEvery: 3);

        Assert.Equal(3, thirds.DecodeEvery);
        Assert.Equal([2L, 6, 1, 2], thirds.Predictions.shape);                       // steps 3, 6, …, 18 of 20 (1-based)
        for (int s = 0; s < 6; s++)
            Assert.True(thirds.Predictions[.., s].eq(all.Predictions[.., 3 * s + 2]).all().item<bool>(), $"decoded step {3 * s + 3}");
        Assert.True(thirds.Latents.eq(all.Latents).all().item<bool>());                 // the latent trajectory in full
        Assert.Throws<ArgumentOutOfRangeException>(() => forecaster.Run(trajectory, 6, 20, decodeEvery: 21));
    }

    [Fact]
    public void LatentScalingIsAppliedToInputsAndUndoneOnOutputs()
    {
        using var scope = NewDisposeScope();
        var scaler = new LatentScaler([-3, -3], [3, 3]);
        var z = tensor(new[,] { { 1.5, -3.0 } }, dtype: ScalarType.Float64);
        Assert.True(scaler.Scale(z).allclose(tensor(new[,] { { 0.75, 0.0 } }, dtype: ScalarType.Float64)));
        Assert.True(scaler.Unscale(scaler.Scale(z)).allclose(z, rtol: 0, atol: 1e-15));
        var fitted = LatentScaler.Fit(tensor(new[,] { { 0.0, 1.0 }, { 10.0, 1.0 } }, dtype: ScalarType.Float64));
        Assert.Equal([-0.5, 0.95], fitted.Min);
        Assert.Equal([10.5, 1.05], fitted.Max);
    }
}
