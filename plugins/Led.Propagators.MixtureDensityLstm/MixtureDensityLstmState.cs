using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.Propagators.MixtureDensityLstm;

/// <summary>The hidden and cell states of the LSTM, <c>[B, d_h]</c> each, owned outside any dispose scope.</summary>
public sealed class MixtureDensityLstmState(torch.Tensor hidden, torch.Tensor cell) : PropagatorState
{
    public torch.Tensor Hidden { get; private set; } = hidden.DetachFromDisposeScope();

    public torch.Tensor Cell { get; private set; } = cell.DetachFromDisposeScope();

    /// <summary>Replaces the states, disposing the old handles (autograd keeps what it needs).</summary>
    public void Update(torch.Tensor hidden, torch.Tensor cell)
    {
        var (oldH, oldC) = (Hidden, Cell);
        (Hidden, Cell) = (hidden.DetachFromDisposeScope(), cell.DetachFromDisposeScope());
        oldH.Dispose();
        oldC.Dispose();
    }

    public override void Detach() => Update(Hidden.detach(), Cell.detach());

    public override void Dispose()
    {
        Hidden.Dispose();
        Cell.Dispose();
    }
}
