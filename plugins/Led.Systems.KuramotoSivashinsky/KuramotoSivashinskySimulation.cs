using Led.Abstractions.Systems;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>A running KS simulation: an <see cref="EtdRk4Solver"/> plus the time, counted in whole micro steps.</summary>
internal sealed class KuramotoSivashinskySimulation : IMicroSimulation
{
    private readonly EtdRk4Solver _solver;
    private readonly double _startTime;
    private long _steps;

    public KuramotoSivashinskySimulation(EtdRk4Solver solver, ReadOnlySpan<double> u0, double startTime)
    {
        _solver = solver;
        _solver.SetState(u0);
        _startTime = startTime;
    }

    public double Time => _startTime + _steps * _solver.Step;

    public void Advance(double duration)
    {
        double ratio = duration / _solver.Step;
        double whole = Math.Round(ratio);
        if (!double.IsFinite(ratio) || whole < 0 || Math.Abs(ratio - whole) > 1e-9 * Math.Max(1.0, ratio))
            throw new ArgumentException(
                $"duration {duration} is not a non-negative whole number of micro steps {_solver.Step}", nameof(duration));
        long steps = (long)whole;
        _solver.Advance(steps);
        _steps += steps;
    }

    public void Observe(Span<double> observable)
    {
        if (observable.Length != _solver.GridPoints)
            throw new ArgumentException($"expected {_solver.GridPoints} values, got {observable.Length}", nameof(observable));
        _solver.GetState(observable);
    }

    public void Dispose()
    {
    }
}
