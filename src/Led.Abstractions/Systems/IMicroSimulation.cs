namespace Led.Abstractions.Systems;

/// <summary>A running micro simulation. Stochastic systems own their random number generator.</summary>
public interface IMicroSimulation : IDisposable
{
    /// <summary>The simulated time reached.</summary>
    double Time { get; }

    /// <summary>Advances by <paramref name="duration"/> (a multiple of the micro step, taken as many micro steps).</summary>
    void Advance(double duration);

    /// <summary>Writes the observable state (fine → coarse, "restriction") into <paramref name="observable"/>.</summary>
    void Observe(Span<double> observable);
}
