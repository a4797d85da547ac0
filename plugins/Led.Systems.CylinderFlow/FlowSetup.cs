namespace Led.Systems.CylinderFlow;

/// <summary>
/// Everything <see cref="MacFlowSolver"/> needs: a uniform grid of <paramref name="Nx"/> × <paramref name="Ny"/> square
/// cells of side <paramref name="H"/> (Lx = Nx·h, Ly = Ny·h), viscosity, time step, boundaries and an optional
/// penalized cylinder. Nondimensional: lengths in D, velocities in U, ρ = 1.
/// </summary>
/// <param name="Nx">Cells in x (a power of two).</param>
/// <param name="Ny">Cells in y (a power of two).</param>
/// <param name="H">Cell size h.</param>
/// <param name="Viscosity">Kinematic viscosity ν (1/Re for D = U = 1).</param>
/// <param name="TimeStep">Micro time step Δt.</param>
/// <param name="Streamwise">Boundaries at x = 0, Lx.</param>
/// <param name="Lateral">Boundaries at y = 0, Ly.</param>
/// <param name="Inflow">Inflow profile (with <see cref="StreamwiseBoundary.InflowOutflow"/>).</param>
/// <param name="InflowVelocity">Mean inflow velocity U (the reference velocity of the force coefficients).</param>
/// <param name="CylinderX">Cylinder centre x, or NaN for no body.</param>
/// <param name="CylinderY">Cylinder centre y.</param>
/// <param name="Diameter">Cylinder diameter D (the reference length of the force coefficients).</param>
/// <param name="Penalization">Brinkman coefficient λ.</param>
/// <param name="Mollification">Half-width ε of the mollified indicator, in cells (0 = sharp).</param>
/// <param name="Workers">Threads for the row-parallel passes.</param>
public sealed record FlowSetup(
    int Nx,
    int Ny,
    double H,
    double Viscosity,
    double TimeStep,
    StreamwiseBoundary Streamwise = StreamwiseBoundary.InflowOutflow,
    LateralBoundary Lateral = LateralBoundary.FreeSlip,
    InflowProfile Inflow = InflowProfile.Uniform,
    double InflowVelocity = 1.0,
    double CylinderX = double.NaN,
    double CylinderY = double.NaN,
    double Diameter = 1.0,
    double Penalization = 1e4,
    double Mollification = 0.5,
    int Workers = 2)
{
    /// <summary>Domain length Lx = Nx·h.</summary>
    public double Lx => Nx * H;

    /// <summary>Domain height Ly = Ny·h.</summary>
    public double Ly => Ny * H;

    /// <summary>Whether a cylinder is penalized.</summary>
    public bool HasBody => !double.IsNaN(CylinderX);

    /// <summary>The inflow velocity at height <paramref name="y"/>.</summary>
    public double InflowAt(double y) => Inflow switch
    {
        InflowProfile.Parabolic => 1.5 * InflowVelocity * 4 * y * (Ly - y) / (Ly * Ly),
        _ => InflowVelocity,
    };

    /// <summary>The largest inflow velocity (1.5U for the parabolic profile).</summary>
    public double MaxInflowVelocity => Inflow == InflowProfile.Parabolic ? 1.5 * InflowVelocity : InflowVelocity;

    /// <summary>Δt = min(CFL·h/(2U_max), κ·h²/ν), the rule (κ = 0.08 keeps explicit diffusion under AB2 stable).</summary>
    public static double StableTimeStep(double h, double viscosity, double maxVelocity, double cfl = 0.3, double diffusionNumber = 0.08) =>
        Math.Min(cfl * h / (2 * maxVelocity), diffusionNumber * h * h / viscosity);
}
