using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// The mean of an epoch's step losses, summed on the losses' device in float64 and read back once, at the end: reading
/// each step's loss on the host (<c>item()</c>) would make every optimiser step wait for the device. The sum is the same,
/// in the same order, as adding the values on the host.
/// </summary>
public sealed class LossAccumulator : IDisposable
{
    private Tensor? _sum;
    private int _count;

    /// <summary>Adds one step's loss (a scalar tensor of any floating type, on any device; detached).</summary>
    public void Add(Tensor loss)
    {
        using var value = loss.detach().to(ScalarType.Float64).reshape(1);
        if (_sum is null) _sum = value.clone().DetachFromDisposeScope();   // owned here, not by the caller's step scope
        else _sum.add_(value);
        _count++;
    }

    /// <summary>The mean of the added losses (NaN when none was added).</summary>
    public double Mean() => _sum is null ? double.NaN : _sum.item<double>() / _count;

    public void Dispose() => _sum?.Dispose();
}
