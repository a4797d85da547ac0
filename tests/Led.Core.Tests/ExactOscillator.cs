using Led.Abstractions.Systems;
using Led.TestPlugins.Oscillator;

namespace Led.Core.Tests;

/// <summary>
/// The test Oscillator plugin's system (uncoupled x'' = −ω²x, solved exactly): a system whose every state is known.
/// </summary>
internal static class ExactOscillator
{
    public static Oscillator Create(int points = 3, double omega = 1.3, double dt = 0.1) =>
        new(new OscillatorOptions { Frequency = omega, CoarseStep = dt, Grid = [points] });

    /// <summary>The state after <paramref name="time"/> from <paramref name="initial"/>.</summary>
    public static double[] Exact(IDynamicalSystem system, double[] initial, double time)
    {
        using var sim = system.Lift(initial, 0);
        sim.Advance(time);
        var result = new double[initial.Length];
        sim.Observe(result);
        return result;
    }
}
