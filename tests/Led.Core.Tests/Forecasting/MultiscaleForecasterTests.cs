using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Forecasting;
using Led.Core.Progress;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Core.Tests.Forecasting;

/// <summary>
/// With an identity autoencoder and the oscillator's exact one-step map as the propagator, every schedule of latent and
/// micro steps must reproduce the true trajectory: this checks the lifting, the micro phase, the re-synchronisation
/// and the bookkeeping of the rounds, including the truncated last one.
/// </summary>
public class MultiscaleForecasterTests
{
    private const double Omega = 1.3, Dt = 0.1;

    private sealed class Identity : IAutoencoder
    {
        public int LatentDim => 6;

        public Tensor Encode(Tensor states) => states.reshape(states.shape[0], 6);

        public Tensor Decode(Tensor latents) => latents.reshape(latents.shape[0], 2, 3);
    }

    /// <summary>z_{t+1} = z_t Mᵀ with M the exact Δt-propagator of x'' = −ω²x (state laid out [x0 x1 x2 v0 v1 v2]).</summary>
    private sealed class ExactStep : ILatentPropagator
    {
        private readonly Tensor _transposed;

        public ExactStep()
        {
            var m = new double[6, 6];
            double c = Math.Cos(Omega * Dt), s = Math.Sin(Omega * Dt);
            for (int i = 0; i < 3; i++)
            {
                (m[i, i], m[i, 3 + i]) = (c, s / Omega);
                (m[3 + i, i], m[3 + i, 3 + i]) = (-Omega * s, c);
            }
            _transposed = tensor(m, dtype: ScalarType.Float64).t().contiguous().DetachFromDisposeScope();
        }

        public PropagatorState Start(int batchSize) => new None();

        public Tensor Forward(PropagatorState state, Tensor latents) => latents.matmul(_transposed);

        private sealed class None : PropagatorState
        {
            public override void Detach() { }

            public override void Dispose() { }
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(5, 1)]
    [InlineData(7, 4)]
    [InlineData(1000, 3)]
    public void AnExactModelReproducesTheTruthForEverySchedule(int macro, int micro)
    {
        var system = ExactOscillator.Create(3, Omega, Dt);
        var data = new DataGenerator(system, "osc", new DataOptions { Transient = 0.3, TrainSamples = 2, ValidationSamples = 2, TestInitialConditions = 2 },
            testLength: 40, seed: 5).Generate(SilentProgress.Instance);
        var forecaster = new MultiscaleForecaster(new Identity(), new ExactStep(), null, new MinMaxScaler([0, 0], [1, 1]), system);
        const int warmup = 6, horizon = 30;
        for (int ic = 0; ic < 2; ic++)
        {
            var (predictions, latent, microSeconds) = forecaster.Run(data.Test, ic, warmup, horizon, macro, micro, new CpuDevice());
            for (int t = 0; t < horizon; t++)
                Assert.Equal(data.Test.Frame(ic, warmup + t).ToArray(), predictions.AsSpan(t * 6, 6).ToArray(), new Close(1e-12));
            Assert.Equal(macro == 0, latent == 0);
            Assert.Equal(macro >= horizon, microSeconds == 0);
        }
    }

    /// <summary>Records the time of every lift.</summary>
    private sealed class LiftClock(Led.Abstractions.Systems.IDynamicalSystem inner) : Led.Abstractions.Systems.IDynamicalSystem
    {
        public List<double> Times { get; } = [];

        public Led.Abstractions.Systems.SystemDescription Description => inner.Description;

        public Led.Abstractions.Systems.IMicroSimulation Start(ulong seed) => inner.Start(seed);

        public Led.Abstractions.Systems.IMicroSimulation Lift(ReadOnlySpan<double> observable, double time)
        {
            Times.Add(time);
            return inner.Lift(observable, time);
        }
    }

    [Theory]
    [InlineData(0, new[] { 5 })]
    [InlineData(4, new[] { 9, 16, 23, 30 })]
    public void ALiftContinuesTheClockOfTheLiftedFrame(int macro, int[] frames)
    {
        // Test frame f is at time transient + f·Δt; a lift of frame f must start the solver there (T_μ = 3, warm-up 6).
        var system = new LiftClock(ExactOscillator.Create(3, Omega, Dt));
        var data = new DataGenerator(system, "osc", new DataOptions { Transient = 0.3, TrainSamples = 2, ValidationSamples = 2, TestInitialConditions = 1 },
            testLength: 40, seed: 5).Generate(SilentProgress.Instance);
        var forecaster = new MultiscaleForecaster(new Identity(), new ExactStep(), null, new MinMaxScaler([0, 0], [1, 1]), system) { StartTime = 0.3 };
        forecaster.Run(data.Test, 0, 6, 30, macro, 3, new CpuDevice());
        Assert.Equal(frames.Select(f => 0.3 + f * Dt), system.Times, new Close(1e-12));
    }

    private sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
