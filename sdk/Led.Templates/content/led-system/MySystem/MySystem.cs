using Led.Abstractions.Systems;
using Led.Toolkit.Systems;

namespace MySystem;

/// <summary>
/// Lorenz-96: dx_k/dt = (x_{k+1} − x_{k−2}) x_{k−1} − x_k + F on a ring of K variables, integrated with the classical
/// fourth-order Runge–Kutta scheme at the micro step δt. The observable is the state itself, a periodic one-channel
/// field; lifting a state is exact. Works on plain arrays, as every system does: no tensor library is needed.
/// Initial conditions are F plus uniform perturbations in [−1, 1), drawn from a generator seeded by the host, so the
/// same seed gives the same trajectory on every machine.
/// </summary>
public sealed class MySystem : IDynamicalSystem
{
    private readonly MySystemOptions _options;

    /// <summary>The host calls the public constructor whose parameters it can supply (here the validated options).</summary>
    public MySystem(MySystemOptions options)
    {
        _options = options;
        Description = new SystemDescription(["x"], [options.Variables], [options.Variables], options.CoarseStep, Periodic: true);
    }

    /// <inheritdoc/>
    public SystemDescription Description { get; }

    /// <inheritdoc/>
    public IMicroSimulation Start(ulong seed)
    {
        var random = new SplitMix64(seed);
        var state = new double[_options.Variables];
        for (int k = 0; k < state.Length; k++) state[k] = _options.Forcing + 2 * random.NextDouble() - 1;
        return new Simulation(_options, state, 0);
    }

    /// <inheritdoc/>
    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time)
    {
        if (observable.Length != _options.Variables)
            throw new ArgumentException($"a state has {_options.Variables} values, got {observable.Length}", nameof(observable));
        return new Simulation(_options, observable.ToArray(), time);
    }

    private sealed class Simulation(MySystemOptions options, double[] state, double time) : IMicroSimulation
    {
        private readonly double[] _k1 = new double[state.Length], _k2 = new double[state.Length], _k3 = new double[state.Length],
            _k4 = new double[state.Length], _stage = new double[state.Length];
        private long _steps;

        public double Time => time + _steps * options.MicroStep;

        public void Advance(double duration)
        {
            long steps = (long)Math.Round(duration / options.MicroStep);
            if (steps < 0 || Math.Abs(steps * options.MicroStep - duration) > 1e-9 * Math.Max(1, duration))
                throw new ArgumentException($"duration {duration} is not a whole number of micro steps ({options.MicroStep})", nameof(duration));
            double h = options.MicroStep;
            for (long s = 0; s < steps; s++)
            {
                Rate(state, _k1);
                Stage(state, _k1, 0.5 * h);
                Rate(_stage, _k2);
                Stage(state, _k2, 0.5 * h);
                Rate(_stage, _k3);
                Stage(state, _k3, h);
                Rate(_stage, _k4);
                for (int k = 0; k < state.Length; k++) state[k] += h / 6 * (_k1[k] + 2 * _k2[k] + 2 * _k3[k] + _k4[k]);
                if (!double.IsFinite(state[0]))
                    throw new InvalidOperationException($"the state became non-finite at t = {Time}: lower microStep");
            }
            _steps += steps;
        }

        public void Observe(Span<double> observable) => state.CopyTo(observable);

        public void Dispose() { }

        private void Stage(double[] x, double[] rate, double h)
        {
            for (int k = 0; k < x.Length; k++) _stage[k] = x[k] + h * rate[k];
        }

        private void Rate(double[] x, double[] dxdt)
        {
            int n = x.Length;
            for (int k = 0; k < n; k++)
                dxdt[k] = (x[(k + 1) % n] - x[(k + n - 2) % n]) * x[(k + n - 1) % n] - x[k] + options.Forcing;
        }
    }
}
