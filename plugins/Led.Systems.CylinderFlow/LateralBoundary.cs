namespace Led.Systems.CylinderFlow;

/// <summary>Boundary condition on the lateral faces y = 0 and y = Ly.</summary>
public enum LateralBoundary
{
    /// <summary>Free slip: v = 0, ∂u/∂y = 0; Neumann pressure (DCT in y).</summary>
    FreeSlip,

    /// <summary>No slip: u = v = 0 (channel walls, Schäfer–Turek); Neumann pressure.</summary>
    NoSlip,

    /// <summary>Open: p = 0, ∂u/∂y = ∂v/∂y = 0, fluid may cross the face (DST in y), like CubismUP's Dirichlet Poisson.</summary>
    PressureDirichlet,
}
