using System.Diagnostics;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Forecasting;

/// <summary>
/// Wall time per coarse step of the micro solver and of the latent path (batch 1), measured in the same process from
/// the same state: propagator only (the reference's definition), propagator + decoder at every step (what a user pays
/// for every state), and propagator + decoder at every k-th step (<c>forecast.decodeEvery</c>: what a forecast that
/// decodes only those pays per step).
/// </summary>
public static class SpeedMeasurement
{
    /// <summary>Seconds per coarse step of the micro solver started from <paramref name="observable"/>.</summary>
    public static double MicroSolver(IDynamicalSystem system, double[] observable, double minimumSeconds = 0.5, int maximumSteps = 200)
    {
        using var sim = system.Lift(observable, 0);
        double dt = system.Description.CoarseTimeStep;
        sim.Advance(dt);
        var clock = Stopwatch.StartNew();
        int steps = 0;
        while (steps < maximumSteps && (clock.Elapsed.TotalSeconds < minimumSeconds || steps < 3))
        {
            sim.Advance(dt);
            steps++;
        }
        return clock.Elapsed.TotalSeconds / steps;
    }

    /// <summary>
    /// Seconds per latent step of the compiled path (batch 1, plain arrays): propagator only, and with the decoder
    /// (compiled if the autoencoder offers one, else the tensor decoder, fed in the model's <paramref name="dtype"/>) at
    /// every step and at every <paramref name="decodeEvery"/>-th step. Null when the propagator offers no compiled step.
    /// </summary>
    public static LatentTiming? FastLatent(IAutoencoder autoencoder, ILatentPropagator propagator, LatentScaler? scaler,
        double[] initialLatent, int steps = 3000, ScalarType dtype = ScalarType.Float64, int decodeEvery = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(decodeEvery, 1);
        if (propagator is not IFastLatentStepSource source) return null;
        var step = source.CompileStep();
        var decoder = (autoencoder as IFastDecoderSource)?.CompileDecoder();
        int dz = initialLatent.Length;
        var latent = new double[dz];
        var state = decoder is null ? null : new double[DecodedSize(autoencoder, dz, dtype)];
        Time(1);                                       // warm up: let the JIT compile the compiled path's loops fully
        double propagatorOnly = Time(0), decoded = Time(1);
        return new LatentTiming(propagatorOnly, decoded, decodeEvery == 1 ? decoded : Time(decodeEvery), decodeEvery);

        // every: decode at every every-th step (0: never).
        double Time(int every)
        {
            step.Reset();
            var (current, next) = ((double[])initialLatent.Clone(), new double[dz]);
            for (int i = 0; i < 20; i++)
            {
                step.Step(current, next);
                (current, next) = (next, current);
            }
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++)
            {
                step.Step(current, next);
                (current, next) = (next, current);
                if (every == 0 || (i + 1) % every != 0) continue;
                if (scaler is null) current.CopyTo(latent, 0);
                else scaler.Unscale(current, latent);
                if (decoder is not null) decoder.Decode(latent, state);
                else
                {
                    using var scope = NewDisposeScope();
                    using var noGrad = no_grad();
                    _ = autoencoder.Decode(tensor(latent, [1, dz]).to(dtype));
                }
            }
            return clock.Elapsed.TotalSeconds / steps;
        }
    }

    /// <summary>
    /// Seconds per trajectory-step of the compiled propagator (no decoder) stepping every trajectory of
    /// <paramref name="initialLatents"/> for <paramref name="steps"/> steps on up to <paramref name="threads"/> threads:
    /// each thread compiles one step and runs its share of the trajectories (every threads-th), one after another.
    /// Null when the propagator offers no compiled step.
    /// </summary>
    public static double? FastTrajectories(ILatentPropagator propagator, IReadOnlyList<double[]> initialLatents, int steps, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (propagator is not IFastLatentStepSource source) return null;
        int workers = Math.Min(threads, initialLatents.Count);
        var compiled = Enumerable.Range(0, workers).Select(_ => source.CompileStep()).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        Run(20);
        var clock = Stopwatch.StartNew();
        Run(steps);
        return clock.Elapsed.TotalSeconds / ((double)steps * initialLatents.Count);

        void Run(int count) => Parallel.For(0, workers, parallel, worker =>
        {
            var step = compiled[worker];
            for (int i = worker; i < initialLatents.Count; i += workers)
            {
                step.Reset();
                var (current, next) = ((double[])initialLatents[i].Clone(), new double[initialLatents[i].Length]);
                for (int t = 0; t < count; t++)
                {
                    step.Step(current, next);
                    (current, next) = (next, current);
                }
            }
        });
    }

    private static int DecodedSize(IAutoencoder autoencoder, int dz, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return (int)autoencoder.Decode(zeros(1, dz, dtype: dtype)).numel();
    }

    /// <summary>Seconds per latent step through the tensor library, batch 1: propagator only, + decoder every step, + decoder every <paramref name="decodeEvery"/>-th step.</summary>
    public static LatentTiming Latent(IAutoencoder autoencoder, ILatentPropagator propagator, LatentScaler? scaler,
        Tensor initialLatent, int steps = 300, int decodeEvery = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(decodeEvery, 1);
        using var noGrad = no_grad();
        (autoencoder as ITrainable)?.Module.eval();
        (propagator as ITrainable)?.Module.eval();
        double propagatorOnly = Time(0), decoded = Time(1);
        return new LatentTiming(propagatorOnly, decoded, decodeEvery == 1 ? decoded : Time(decodeEvery), decodeEvery);

        double Time(int every)
        {
            using var state = propagator.Start(1);
            var last = initialLatent.reshape(1, 1, -1).clone().DetachFromDisposeScope();
            for (int i = 0; i < 10; i++) last = Step(state, last, every == 1);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++) last = Step(state, last, every != 0 && (i + 1) % every == 0);
            double seconds = clock.Elapsed.TotalSeconds / steps;
            last.Dispose();
            return seconds;
        }

        Tensor Step(PropagatorState state, Tensor last, bool decode)
        {
            using var scope = NewDisposeScope();
            var next = propagator.Forward(state, last);
            if (decode) _ = autoencoder.Decode((scaler?.Unscale(next) ?? next).reshape(1, -1));
            last.Dispose();
            return next.DetachFromDisposeScope();
        }
    }
}
