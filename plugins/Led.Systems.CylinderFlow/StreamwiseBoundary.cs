namespace Led.Systems.CylinderFlow;

/// <summary>Boundary condition on the faces x = 0 and x = Lx.</summary>
public enum StreamwiseBoundary
{
    /// <summary>Prescribed inflow at x = 0, convective outflow with a mass-flux correction at x = Lx.</summary>
    InflowOutflow,

    /// <summary>Free-slip walls at both ends (u = 0, ∂v/∂x = 0): a closed box, e.g. for the Taylor–Green vortex.</summary>
    FreeSlipWalls,
}
