using Led.Abstractions.Systems;
using Led.Core.Data;
using Led.Core.Forecasting;

namespace Led.Core.Stages;

/// <summary>
/// A Latent-LED forecast in physical units: <see cref="Predictions"/> <c>[ic, member, t, …]</c> (one member for a
/// deterministic model), <see cref="Targets"/> and the persistence baseline <see cref="Persistence"/> (the last warm-up
/// state held) <c>[ic, t, …]</c>, the test frames it started from, and the latent forecast. Decoded every k-th step
/// (<see cref="DecodeEvery"/> &gt; 1), the predictions cover the steps k, 2k, … only (<see cref="OnDecodedSteps"/> pairs
/// them with their targets).
/// </summary>
public sealed class ForecastResult(SystemDescription system, TrajectorySet test, int warmup, int horizon, int members,
    double[] predictions, double[] targets, double[] persistence, LatentForecast latent, double seconds, int decodeEvery = 1) : IDisposable
{
    public SystemDescription System { get; } = system;

    /// <summary>The test trajectories used, <c>[ic, warm-up + horizon, …]</c>.</summary>
    public TrajectorySet Test { get; } = test;

    public int InitialConditions => Test.Count;

    public int Warmup { get; } = warmup;

    public int Horizon { get; } = horizon;

    public int Members { get; } = members;

    /// <summary>The stride k of the decoded steps: the predictions hold steps k, 2k, …, ⌊H/k⌋·k (1: every step).</summary>
    public int DecodeEvery { get; } = decodeEvery;

    public double[] Predictions { get; } = predictions;

    public double[] Targets { get; } = targets;

    public double[] Persistence { get; } = persistence;

    public LatentForecast Latent { get; } = latent;

    /// <summary>Wall time of the batched forecast (encode, propagate, decode).</summary>
    public double Seconds { get; } = seconds;

    /// <summary>The predictions averaged over members, <c>[ic, t, …]</c> (the predictions themselves for one member).</summary>
    public double[] MemberMean()
    {
        if (Members == 1) return Predictions;
        int block = Horizon * Test.FrameSize;
        var mean = new double[Targets.Length];
        for (int i = 0; i < InitialConditions; i++)
            for (int m = 0; m < Members; m++)
            {
                var member = Predictions.AsSpan((i * Members + m) * block, block);
                for (int k = 0; k < block; k++) mean[i * block + k] += member[k] / Members;
            }
        return mean;
    }

    /// <summary>
    /// This forecast on its decoded steps alone: horizon ⌊H/k⌋, the targets and persistence of steps k, 2k, …; the
    /// forecast itself when every step is decoded. The view shares the latent forecast and is not disposed on its own.
    /// </summary>
    public ForecastResult OnDecodedSteps()
    {
        if (DecodeEvery == 1) return this;
        int steps = Horizon / DecodeEvery, frame = Test.FrameSize;
        return new ForecastResult(System, Test, Warmup, steps, Members, Predictions, Pick(Targets), Pick(Persistence), Latent, Seconds);

        double[] Pick(double[] full)
        {
            var picked = new double[InitialConditions * steps * frame];
            for (int i = 0; i < InitialConditions; i++)
                for (int s = 0; s < steps; s++)
                    full.AsSpan((i * Horizon + (s + 1) * DecodeEvery - 1) * frame, frame).CopyTo(picked.AsSpan((i * steps + s) * frame, frame));
            return picked;
        }
    }

    public void Dispose() => Latent.Dispose();
}
