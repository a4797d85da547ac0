using Led.Abstractions.Systems;
using Led.Toolkit.Systems;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// Flow past a fixed circular cylinder (paper Fig. 4–5): 2-D incompressible Navier–Stokes with Brinkman penalization
/// on a MAC grid (<see cref="MacFlowSolver"/>). Observable (p, u_x, u_y, ω) on cell centres, shape [4, Ny, Nx],
/// every <see cref="CylinderFlowOptions.SamplingInterval"/>. Lifting takes the u_x, u_y channels (and p), averages
/// them to the faces and re-projects them to a divergence-free field. Datasets written by <c>led simulate</c> carry
/// the Reynolds number and geometry as attributes, the body mask χ as <c>/fields/mask</c> (<see cref="IDatasetMetadata"/>)
/// and the solver's C_d, C_l and wake probe with every snapshot (<see cref="CylinderFlowSimulation"/>).
/// </summary>
public sealed class CylinderFlow : IDynamicalSystem, IDatasetMetadata, IScoredSystem
{
    /// <summary>Channel names in observable order.</summary>
    public static readonly IReadOnlyList<string> ChannelNames = ["p", "u_x", "u_y", "omega"];

    /// <summary>A system with validated <paramref name="options"/>; throws <see cref="ArgumentException"/> listing every error otherwise.</summary>
    public CylinderFlow(CylinderFlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        Options = options;
        Setup = options.ToSetup();
        Description = new SystemDescription(ChannelNames, [options.Ny, options.Nx], [options.DomainHeight, options.DomainLength],
            options.SamplingInterval, Periodic: false);
    }

    /// <inheritdoc />
    public SystemDescription Description { get; }

    /// <summary>The relative error of the mean drag coefficient (the paper's Fig. 4 metric), from <c>CylinderForces</c>.</summary>
    public string HeadlineMetric => "drag_relative_error";

    /// <summary>Drag, lift and Strouhal number from the decoded fields.</summary>
    public IReadOnlyList<string> DefaultMetrics => ["CylinderForces"];

    /// <summary>The options the system was built with.</summary>
    public CylinderFlowOptions Options { get; }

    /// <summary>The solver configuration (grid, Δt, boundaries, body).</summary>
    public FlowSetup Setup { get; }

    /// <summary>
    /// An impulsive start: u = inflow profile everywhere (inside the body too), plus a Gaussian v-bump (σ = 0.5D) of
    /// peak a·U·(0.5 … 1.5) centred at (x_c + 1.5D, y_c + 0.3D) shifted by up to ±0.25D in x and y, the factor and
    /// the shifts drawn from <paramref name="seed"/>; projected to a divergence-free field.
    /// </summary>
    public CylinderFlowSimulation Start(ulong seed)
    {
        var rng = new SplitMix64(seed);
        double amplitude = Options.PerturbationAmplitude * (0.5 + rng.NextDouble());
        double xb = Setup.CylinderX + 1.5 + 0.5 * (rng.NextDouble() - 0.5);
        double yb = Setup.CylinderY + 0.3 + 0.5 * (rng.NextDouble() - 0.5);
        var solver = new MacFlowSolver(Setup);
        solver.Initialize(
            (_, y) => Setup.InflowAt(y),
            (x, y) => amplitude * Math.Exp(-((x - xb) * (x - xb) + (y - yb) * (y - yb)) / (2 * 0.25)));
        return new CylinderFlowSimulation(solver, 0.0);
    }

    /// <inheritdoc />
    IMicroSimulation IDynamicalSystem.Start(ulong seed) => Start(seed);

    /// <summary>A simulation from an observable snapshot [4, Ny, Nx]: u_x, u_y re-projected, p kept as the initial pressure.</summary>
    public CylinderFlowSimulation Lift(ReadOnlySpan<double> observable, double time)
    {
        int n = Options.Nx * Options.Ny;
        if (observable.Length != 4 * n)
            throw new ArgumentException($"expected {4 * n} values (4 × {Options.Ny} × {Options.Nx}), got {observable.Length}", nameof(observable));
        var solver = new MacFlowSolver(Setup);
        solver.SetCellVelocities(observable.Slice(n, n), observable.Slice(2 * n, n), observable[..n]);
        return new CylinderFlowSimulation(solver, time);
    }

    /// <inheritdoc />
    IMicroSimulation IDynamicalSystem.Lift(ReadOnlySpan<double> observable, double time) => Lift(observable, time);

    /// <summary>The body indicator χ on the cell centres, [j·Nx + i] (1 inside, 0 outside, mollified between).</summary>
    public double[] Mask()
    {
        var mask = new double[Options.Nx * Options.Ny];
        new MacFlowSolver(Setup with { Workers = 1 }).CellIndicator(mask);
        return mask;
    }

    /// <summary>Reynolds number, cylinder centre and diameter, cell size and micro time step (written as dataset attributes).</summary>
    public IReadOnlyDictionary<string, double> DatasetAttributes => new Dictionary<string, double>
    {
        ["reynolds"] = Options.Reynolds,
        ["diameter"] = Setup.Diameter,
        ["cylinder_x"] = Setup.CylinderX,
        ["cylinder_y"] = Setup.CylinderY,
        ["cell_size"] = Setup.H,
        ["micro_time_step"] = Setup.TimeStep,
    };

    /// <inheritdoc />
    IReadOnlyDictionary<string, double> IDatasetMetadata.Attributes => DatasetAttributes;

    /// <inheritdoc />
    IReadOnlyDictionary<string, double[]> IDatasetMetadata.Fields => new Dictionary<string, double[]> { ["mask"] = Mask() };
}
