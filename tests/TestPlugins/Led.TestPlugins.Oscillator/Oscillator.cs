using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.TestPlugins.Oscillator;

/// <summary>Uncoupled harmonic oscillators x'' = −ω²x on a grid; exact solution, so tests can check numbers.</summary>
public sealed class Oscillator : IDynamicalSystem
{
    private readonly OscillatorOptions _options;

    /// <exception cref="ArgumentException">Invalid options (checked with the toolkit, as the host checks them).</exception>
    public Oscillator(OscillatorOptions options)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(Oscillator));
        _options = options;
        Description = new(["x", "v"], options.Grid, options.Grid.Select(g => (double)g).ToArray(), options.CoarseStep, false);
    }

    public SystemDescription Description { get; }

    public IMicroSimulation Start(ulong seed)
    {
        var random = new Random((int)(seed % int.MaxValue));
        return new Simulation(_options.Frequency, Enumerable.Range(0, Description.Size).Select(_ => random.NextDouble() - 0.5).ToArray(), 0);
    }

    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => new Simulation(_options.Frequency, observable.ToArray(), time);

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
