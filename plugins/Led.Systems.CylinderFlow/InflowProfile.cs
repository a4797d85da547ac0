namespace Led.Systems.CylinderFlow;

/// <summary>Velocity profile u(y) prescribed at the inflow x = 0.</summary>
public enum InflowProfile
{
    /// <summary>u = U everywhere.</summary>
    Uniform,

    /// <summary>u = 1.5·U·4y(Ly − y)/Ly²: mean U, maximum 1.5U (Schäfer–Turek).</summary>
    Parabolic,
}
