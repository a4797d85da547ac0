namespace Led.Abstractions.Learning;

/// <summary>
/// A propagator that offers a compiled single-trajectory step (used automatically for rollouts and timing where
/// offered). Compile again after the weights change: the step holds a copy of them.
/// </summary>
public interface IFastLatentStepSource
{
    /// <summary>The current weights compiled into an <see cref="IFastLatentStep"/>.</summary>
    IFastLatentStep CompileStep();
}
