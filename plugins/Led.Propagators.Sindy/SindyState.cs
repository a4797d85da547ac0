using Led.Abstractions.Learning;

namespace Led.Propagators.Sindy;

/// <summary>The memory of the SINDy propagator: none (each input is integrated over one step on its own).</summary>
public sealed class SindyState : PropagatorState
{
    public override void Detach()
    {
    }

    public override void Dispose()
    {
    }
}
