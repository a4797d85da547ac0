using Led.Abstractions.Systems;

namespace Led.Core.Tests;

/// <summary>Uncoupled oscillators x'' = −ω²x with an exact solution: a system whose every state is known.</summary>
internal sealed class ExactOscillator(int points = 3, double omega = 1.3, double dt = 0.1) : IDynamicalSystem
{
    public SystemDescription Description { get; } = new(["x", "v"], [points], [1.0], dt, false);

    public IMicroSimulation Start(ulong seed)
    {
        var random = new Random((int)(seed % 1_000_003));
        return new Simulation(omega, Enumerable.Range(0, 2 * points).Select(_ => random.NextDouble() - 0.5).ToArray(), 0);
    }

    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => new Simulation(omega, observable.ToArray(), time);

    /// <summary>The state after <paramref name="time"/> from <paramref name="initial"/>.</summary>
    public double[] Exact(double[] initial, double time)
    {
        using var sim = new Simulation(omega, (double[])initial.Clone(), 0);
        sim.Advance(time);
        var result = new double[initial.Length];
        sim.Observe(result);
        return result;
    }

    private sealed class Simulation(double omega, double[] state, double time) : IMicroSimulation
    {
        public double Time { get; private set; } = time;

        public void Advance(double duration)
        {
            int n = state.Length / 2;
            double c = Math.Cos(omega * duration), s = Math.Sin(omega * duration);
            for (int i = 0; i < n; i++)
                (state[i], state[n + i]) = (c * state[i] + s * state[n + i] / omega, -omega * s * state[i] + c * state[n + i]);
            Time += duration;
        }

        public void Observe(Span<double> observable) => state.CopyTo(observable);

        public void Dispose() { }
    }
}
