namespace Led.Abstractions.Learning;

/// <summary>A propagator's memory between calls. Owns its tensors.</summary>
public abstract class PropagatorState : IDisposable
{
    /// <summary>Cuts the autograd history (truncated back-propagation through time) while keeping the values.</summary>
    public abstract void Detach();

    /// <summary>Frees the state's tensors.</summary>
    public abstract void Dispose();
}
