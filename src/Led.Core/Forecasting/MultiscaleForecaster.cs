using System.Diagnostics;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Core.Data;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Forecasting;

/// <summary>
/// Multiscale-LED (spec §5): after the warm-up, rounds of T_m latent steps (decoded) and T_μ micro-solver steps. At each
/// switch the last decoded state is lifted into the solver (the system's own lifting), the solver runs T_μ·Δt and is
/// sampled every Δt; then the propagator is re-synchronised by teacher-forcing the encodings of
/// [x̂, micro frames 1 … T_μ−1] and continues from its prediction for the last micro frame. The last round is
/// truncated at the horizon. T_m = 0 is the pure solver from the true state x_{w−1}; T_m ≥ H is Latent-LED.
/// Uses the components' compiled single-trajectory path (<see cref="IFastLatentStepSource"/>, <see cref="IFastDecoderSource"/>) where they offer them. With a
/// <paramref name="generator"/>, a stochastic propagator samples its steps and, with <paramref name="sampleDecoder"/>, a
/// probabilistic decoder samples the states that are recorded and lifted (a particle cloud drawn from its density).
/// A lift passes the physical time of the lifted frame, <see cref="StartTime"/> + index·Δt, so that a system with a
/// time-dependent forcing continues in phase.
/// </summary>
public sealed class MultiscaleForecaster(IAutoencoder autoencoder, ILatentPropagator propagator, LatentScaler? latentScaler,
    MinMaxScaler dataScaler, IDynamicalSystem system, Generator? generator = null, bool sampleDecoder = false)
{
    /// <summary>The physical time of frame 0 of every test trajectory (the data's transient).</summary>
    public double StartTime { get; init; }

    /// <summary>One trajectory's forecast: frames w … w+H−1 in physical units, and the seconds spent in each part.</summary>
    public (double[] Predictions, double LatentSeconds, double MicroSeconds) Run(TrajectorySet test, int index, int warmup, int horizon,
        int macroSteps, int microSteps, IDeviceContext device, CancellationToken cancel = default)
    {
        int frame = test.FrameSize;
        var predictions = new double[horizon * frame];
        var latentClock = new Stopwatch();
        var microClock = new Stopwatch();
        double dt = system.Description.CoarseTimeStep;
        (autoencoder as ITrainable)?.Module.eval();
        (propagator as ITrainable)?.Module.eval();
        using var noGrad = no_grad();

        if (macroSteps == 0)
        {
            microClock.Start();
            using var sim = system.Lift(test.Frame(index, warmup - 1), StartTime + (warmup - 1) * dt);
            for (int t = 0; t < horizon; t++)
            {
                sim.Advance(dt);
                sim.Observe(predictions.AsSpan(t * frame, frame));
            }
            microClock.Stop();
            return (predictions, 0, microClock.Elapsed.TotalSeconds);
        }

        latentClock.Start();
        using var stepper = Stepper.For(propagator, autoencoder.LatentDim, device, generator);
        var decoder = sampleDecoder ? null : (autoencoder as IFastDecoderSource)?.CompileDecoder();
        var warm = new double[(warmup - 1) * frame];
        for (int t = 0; t < warmup - 1; t++) test.Frame(index, t).CopyTo(warm.AsSpan(t * frame, frame));
        var next = stepper.Feed(EncodeScaled(warm, warmup - 1, device));
        var input = new double[next.Length];
        latentClock.Stop();

        int produced = 0;
        while (produced < horizon)
        {
            cancel.ThrowIfCancellationRequested();
            latentClock.Start();
            int macro = Math.Min(macroSteps, horizon - produced);
            for (int k = 0; k < macro; k++)
            {
                next.CopyTo(input, 0);
                next = stepper.Feed(input);
                Decode(next, decoder, predictions.AsSpan((produced + k) * frame, frame), device);
            }
            produced += macro;
            latentClock.Stop();
            if (produced >= horizon) break;

            int micro = Math.Min(microSteps, horizon - produced);
            var lifted = predictions.AsSpan((produced - 1) * frame, frame).ToArray();
            microClock.Start();
            using (var sim = system.Lift(lifted, StartTime + (warmup + produced - 1) * dt))
                for (int k = 0; k < micro; k++)
                {
                    sim.Advance(dt);
                    sim.Observe(predictions.AsSpan((produced + k) * frame, frame));
                }
            microClock.Stop();
            latentClock.Start();
            // teacher-force [x̂, micro frames 1 … T_μ−1]; the output after the last is the prediction for micro frame T_μ
            var sequence = new double[micro * frame];
            lifted.CopyTo(sequence.AsSpan(0, frame));
            predictions.AsSpan(produced * frame, (micro - 1) * frame).CopyTo(sequence.AsSpan(frame));
            next = stepper.Feed(EncodeScaled(sequence, micro, device));
            latentClock.Stop();
            produced += micro;
        }
        return (predictions, latentClock.Elapsed.TotalSeconds, microClock.Elapsed.TotalSeconds);
    }

    /// <summary>Physical frames → scaled → encoded → latent-scaled, <c>[n·d_z]</c>.</summary>
    private double[] EncodeScaled(double[] frames, int count, IDeviceContext device)
    {
        var scaled = (double[])frames.Clone();
        dataScaler.Scale(scaled, frames.Length / count);
        using var scope = NewDisposeScope();
        var t = tensor(scaled, [count, .. system.Description.Shape.Select(d => (long)d)], dtype: device.DType, device: device.Device);
        var latents = autoencoder.Encode(t).to(ScalarType.Float64).cpu().data<double>().ToArray();
        if (latentScaler is not null)
            for (int i = 0; i < count; i++)
            {
                var row = latents.AsSpan(i * autoencoder.LatentDim, autoencoder.LatentDim);
                latentScaler.Scale(row, row);
            }
        return latents;
    }

    /// <summary>A propagator output (latent-scaled) → one frame in physical units.</summary>
    private void Decode(double[] scaledLatent, IFastDecoder? decoder, Span<double> frame, IDeviceContext device)
    {
        var latent = (double[])scaledLatent.Clone();
        latentScaler?.Unscale(latent, latent);
        if (decoder is not null) decoder.Decode(latent, frame);
        else
        {
            using var scope = NewDisposeScope();
            var z = tensor(latent, [1, latent.Length], dtype: device.DType, device: device.Device);
            var decoded = (sampleDecoder && generator is not null && autoencoder is IProbabilisticDecoder distribution
                ? distribution.Sample(z, generator) : autoencoder.Decode(z)).to(ScalarType.Float64).cpu();
            decoded.data<double>().ToArray().CopyTo(frame);
        }
        dataScaler.Unscale(frame, frame.Length);
    }

    /// <summary>Feeds latent vectors to the propagator and returns its prediction after the last one.</summary>
    private abstract class Stepper : IDisposable
    {
        public static Stepper For(ILatentPropagator propagator, int latentDim, IDeviceContext device, Generator? generator) =>
            generator is not null && propagator is IStochasticPropagator
                ? new Tensors(propagator, latentDim, device, generator)
                : propagator is IFastLatentStepSource source ? new Fast(source.CompileStep(), latentDim) : new Tensors(propagator, latentDim, device, null);

        /// <summary><paramref name="latents"/>: n vectors of d_z values, in order.</summary>
        public abstract double[] Feed(double[] latents);

        public virtual void Dispose() { }

        private sealed class Fast(IFastLatentStep step, int dz) : Stepper
        {
            private bool _started;

            public override double[] Feed(double[] latents)
            {
                if (!_started) step.Reset();
                _started = true;
                var output = new double[dz];
                for (int i = 0; i < latents.Length / dz; i++) step.Step(latents.AsSpan(i * dz, dz), output);
                return output;
            }
        }

        private sealed class Tensors(ILatentPropagator propagator, int dz, IDeviceContext device, Generator? generator) : Stepper
        {
            private readonly PropagatorState _state = propagator.Start(1);

            public override double[] Feed(double[] latents)
            {
                using var scope = NewDisposeScope();
                int n = latents.Length / dz;
                var inputs = tensor(latents, [1, n, dz], dtype: device.DType, device: device.Device);
                var outputs = generator is not null && propagator is IStochasticPropagator stochastic
                    ? stochastic.Sample(_state, inputs, generator)
                    : propagator.Forward(_state, inputs);
                return outputs[0, n - 1].to(ScalarType.Float64).cpu().data<double>().ToArray();
            }

            public override void Dispose() => _state.Dispose();
        }
    }
}
