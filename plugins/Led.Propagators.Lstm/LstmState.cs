using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.Propagators.Lstm;

/// <summary>The hidden states <c>[layers, B, d_h]</c> of the recurrent layers, and their cell states for an LSTM (null for a GRU).</summary>
public sealed class LstmState(torch.Tensor hidden, torch.Tensor? cell) : PropagatorState
{
    public torch.Tensor Hidden { get; private set; } = hidden.DetachFromDisposeScope();

    public torch.Tensor? Cell { get; private set; } = cell?.DetachFromDisposeScope();

    /// <summary>Replaces the states, disposing the old handles (autograd keeps what it needs); the state owns its tensors, outside any dispose scope.</summary>
    public void Update(torch.Tensor hidden, torch.Tensor? cell)
    {
        var (oldH, oldC) = (Hidden, Cell);
        Hidden = hidden.DetachFromDisposeScope();
        Cell = cell?.DetachFromDisposeScope();
        if (!ReferenceEquals(oldH, Hidden)) oldH.Dispose();
        if (oldC is not null && !ReferenceEquals(oldC, Cell)) oldC.Dispose();
    }

    public override void Detach() => Update(Hidden.detach(), Cell?.detach());

    public override void Dispose()
    {
        Hidden.Dispose();
        Cell?.Dispose();
    }
}
