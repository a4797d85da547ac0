using Led.Abstractions.Systems;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// A running cylinder-flow simulation: a <see cref="MacFlowSolver"/> plus the time, counted in whole micro steps.
/// Besides the observable it exposes the force coefficients of the last step and a wake probe, also as the scalar
/// series <c>drag_coefficient</c>, <c>lift_coefficient</c>, <c>wake_probe_v</c> stored with every snapshot of a dataset.
/// </summary>
public sealed class CylinderFlowSimulation : IMicroSimulation, IScalarSeries
{
    /// <summary>The names of <see cref="ObserveSeries"/>' values.</summary>
    public static readonly IReadOnlyList<string> SeriesNames = ["drag_coefficient", "lift_coefficient", "wake_probe_v"];

    private readonly double _startTime;
    private readonly long _startSteps;

    internal CylinderFlowSimulation(MacFlowSolver solver, double startTime)
    {
        Solver = solver;
        _startTime = startTime;
        _startSteps = solver.Steps;
    }

    /// <summary>The solver (fields, divergence, sampling).</summary>
    public MacFlowSolver Solver { get; }

    /// <summary>Micro step Δt.</summary>
    public double TimeStep => Solver.Setup.TimeStep;

    /// <inheritdoc />
    public double Time => _startTime + (Solver.Steps - _startSteps) * TimeStep;

    /// <summary>Drag coefficient C_d = 2F_x/(ρU²D) of the last micro step (from the momentum the penalization removed).</summary>
    public double DragCoefficient => Solver.DragCoefficient;

    /// <summary>Lift coefficient C_l = 2F_y/(ρU²D) of the last micro step.</summary>
    public double LiftCoefficient => Solver.LiftCoefficient;

    /// <summary>The wake probe: v at (x_c + 2D, y_c).</summary>
    public double WakeProbe => Solver.SampleV(Solver.Setup.CylinderX + 2 * Solver.Setup.Diameter, Solver.Setup.CylinderY);

    /// <summary>One micro step.</summary>
    public void Step() => Solver.Step();

    /// <inheritdoc />
    public void Advance(double duration)
    {
        double ratio = duration / TimeStep;
        double whole = Math.Round(ratio);
        if (!double.IsFinite(ratio) || whole < 0 || Math.Abs(ratio - whole) > 1e-9 * Math.Max(1.0, ratio))
            throw new ArgumentException($"duration {duration} is not a non-negative whole number of micro steps {TimeStep}", nameof(duration));
        Solver.Advance((long)whole);
    }

    /// <inheritdoc />
    public void Observe(Span<double> observable) => Solver.Observe(observable);

    /// <inheritdoc />
    IReadOnlyList<string> IScalarSeries.SeriesNames => SeriesNames;

    /// <summary>Writes C_d, C_l (of the last micro step) and the wake probe v(x_c + 2D, y_c).</summary>
    public void ObserveSeries(Span<double> values)
    {
        values[0] = DragCoefficient;
        values[1] = LiftCoefficient;
        values[2] = WakeProbe;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
