namespace Led.Abstractions.Systems;

/// <summary>
/// A first-principles (micro) model. Works on plain arrays so physics plugins need no tensor library.
/// The observable state may differ from the micro state (populations vs densities, particles vs their cloud).
/// </summary>
public interface IDynamicalSystem
{
    /// <summary>What one observed snapshot is and the coarse time step Δt between snapshots.</summary>
    SystemDescription Description { get; }

    /// <summary>A simulation from a random initial condition drawn with <paramref name="seed"/> (data generation).</summary>
    IMicroSimulation Start(ulong seed);

    /// <summary>A simulation started from an observable state (coarse → fine), e.g. a decoded LED forecast.</summary>
    IMicroSimulation Lift(ReadOnlySpan<double> observable, double time);
}
