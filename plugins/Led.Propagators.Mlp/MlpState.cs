using Led.Abstractions.Learning;

namespace Led.Propagators.Mlp;

/// <summary>The memory of a Markovian propagator: none (each input is mapped on its own).</summary>
public sealed class MlpState : PropagatorState
{
    public override void Detach()
    {
    }

    public override void Dispose()
    {
    }
}
