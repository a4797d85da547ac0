namespace Led.Abstractions.Learning;

/// <summary>
/// A propagator's trained weights compiled for one trajectory on plain arrays: one latent step without tensor-library
/// overhead or allocation. Must agree with <see cref="ILatentPropagator.Forward"/> to floating-point tolerance.
/// </summary>
public interface IFastLatentStep
{
    /// <summary>Clears the memory (a fresh trajectory).</summary>
    void Reset();

    /// <summary>Feeds <paramref name="input"/> (d_z values, in the propagator's own latent scaling) and writes the prediction.</summary>
    void Step(ReadOnlySpan<double> input, Span<double> output);
}
