using Led.Abstractions.Systems;

namespace Led.Systems.FitzHughNagumo;

/// <summary>
/// A running FitzHugh–Nagumo lattice-Boltzmann simulation. Time convention ("multiscale", reference-spec §1.2): the
/// state after k micro steps is the state at time t₀ + k·δt. (The reference's data generation stores the state after
/// k + 1 steps under the time k·δt; that off-by-one is a property of its stored files, not of the dynamics.)
/// </summary>
public sealed class FitzHughNagumoSimulation : IMicroSimulation
{
    private readonly LatticeBoltzmannD1Q3 _solver;
    private readonly double _startTime;
    private long _steps;
    private bool _disposed;

    internal FitzHughNagumoSimulation(LatticeBoltzmannD1Q3 solver, double startTime)
    {
        _solver = solver;
        _startTime = startTime;
    }

    /// <summary>t₀ + (micro steps taken)·δt.</summary>
    public double Time => _startTime + _steps * _solver.MicroStep;

    /// <summary>Micro steps taken since the start.</summary>
    public long Steps => _steps;

    /// <summary>Number of values <see cref="Observe"/> writes: 2·Nodes.</summary>
    public int ObservableSize => 2 * _solver.Nodes;

    /// <inheritdoc />
    public void Advance(double duration)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long steps = MicroSteps(duration, _solver.MicroStep);
        _solver.Step(steps);
        _steps += steps;
    }

    /// <inheritdoc />
    public void Observe(Span<double> observable)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _solver.GetDensities(observable);
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <summary>round(duration/δt), refusing durations that are not a whole number of micro steps.</summary>
    internal static long MicroSteps(double duration, double microStep)
    {
        if (!double.IsFinite(duration) || duration < 0)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "a finite duration ≥ 0 is needed");
        double ratio = duration / microStep;
        double steps = Math.Round(ratio);
        if (Math.Abs(ratio - steps) > 1e-6 * Math.Max(1.0, steps))
            throw new ArgumentException(
                $"duration {duration} is not a whole number of micro steps δt = {microStep} ({ratio} steps)", nameof(duration));
        return (long)steps;
    }
}
