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
/// </summary>
public sealed class MultiscaleForecaster(IAutoencoder autoencoder, ILatentPropagator propagator, LatentScaler? latentScaler,
    MinMaxScaler dataScaler, IDynamicalSystem system)
{
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
            using var sim = system.Lift(test.Frame(index, warmup - 1), 0);
            for (int t = 0; t < horizon; t++)
            {
                sim.Advance(dt);
                sim.Observe(predictions.AsSpan(t * frame, frame));
            }
            microClock.Stop();
            return (predictions, 0, microClock.Elapsed.TotalSeconds);
        }

        latentClock.Start();
        using var state = propagator.Start(1);
        Tensor next;
        using (var scope = NewDisposeScope())
        {
            var warm = new double[(warmup - 1) * frame];
            for (int t = 0; t < warmup - 1; t++) test.Frame(index, t).CopyTo(warm.AsSpan(t * frame, frame));
            var outputs = propagator.Forward(state, Scale(Encode(warm, warmup - 1, device)));
            next = outputs.slice(1, warmup - 2, warmup - 1, 1).clone().MoveToOuterDisposeScope();
        }
        latentClock.Stop();

        int produced = 0;
        while (produced < horizon)
        {
            cancel.ThrowIfCancellationRequested();
            latentClock.Start();
            int macro = Math.Min(macroSteps, horizon - produced);
            for (int k = 0; k < macro; k++)
            {
                using var scope = NewDisposeScope();
                var following = propagator.Forward(state, next);
                Decode(following).CopyTo(predictions.AsSpan((produced + k) * frame, frame));
                next.Dispose();
                next = following.MoveToOuterDisposeScope();
            }
            produced += macro;
            latentClock.Stop();
            if (produced >= horizon) break;

            int micro = Math.Min(microSteps, horizon - produced);
            var lifted = predictions.AsSpan((produced - 1) * frame, frame).ToArray();
            microClock.Start();
            using (var sim = system.Lift(lifted, 0))
                for (int k = 0; k < micro; k++)
                {
                    sim.Advance(dt);
                    sim.Observe(predictions.AsSpan((produced + k) * frame, frame));
                }
            microClock.Stop();
            latentClock.Start();
            using (var scope = NewDisposeScope())
            {
                // teacher-force [x̂, micro frames 1 … T_μ−1]; the output after the last is the prediction for micro frame T_μ
                var sequence = new double[micro * frame];
                lifted.CopyTo(sequence.AsSpan(0, frame));
                predictions.AsSpan(produced * frame, (micro - 1) * frame).CopyTo(sequence.AsSpan(frame));
                var outputs = propagator.Forward(state, Scale(Encode(sequence, micro, device)));
                next.Dispose();
                next = outputs.slice(1, micro - 1, micro, 1).clone().MoveToOuterDisposeScope();
            }
            latentClock.Stop();
            produced += micro;
        }
        next.Dispose();
        return (predictions, latentClock.Elapsed.TotalSeconds, microClock.Elapsed.TotalSeconds);
    }

    /// <summary>Physical frames → scaled tensor → latents <c>[1, n, d_z]</c>.</summary>
    private Tensor Encode(double[] frames, int count, IDeviceContext device)
    {
        var scaled = (double[])frames.Clone();
        dataScaler.Scale(scaled, frames.Length / count);
        using var t = tensor(scaled, [count, .. system.Description.Shape.Select(d => (long)d)], dtype: device.DType, device: device.Device);
        return autoencoder.Encode(t).unsqueeze(0);
    }

    /// <summary>A propagator output <c>[1, 1, d_z]</c> → one frame in physical units.</summary>
    private double[] Decode(Tensor scaledLatent)
    {
        using var latent = latentScaler?.Unscale(scaledLatent) ?? scaledLatent.alias();
        using var decoded = autoencoder.Decode(latent.reshape(1, -1)).to(ScalarType.Float64).cpu();
        var values = decoded.data<double>().ToArray();
        dataScaler.Unscale(values, values.Length);
        return values;
    }

    private Tensor Scale(Tensor latents) => latentScaler?.Scale(latents) ?? latents.alias();
}
