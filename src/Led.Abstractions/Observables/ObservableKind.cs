namespace Led.Abstractions.Observables;

/// <summary>What a system's observable state is; scaling, the dataset layout, plots and the built-in metrics follow it.</summary>
public enum ObservableKind
{
    /// <summary>Named channels on a grid, <c>[channel, grid…]</c>: scored point by point (MNAD, NRMSE, correlation).</summary>
    Field,

    /// <summary>N points in D dimensions, <c>[point, dimension]</c>, whose order carries no meaning: scored as distributions.</summary>
    PointSet,

    /// <summary>A vector of named coordinates, each with bounds and maybe periodic, <c>[coordinate]</c>: scored as distributions.</summary>
    Coordinates,
}
