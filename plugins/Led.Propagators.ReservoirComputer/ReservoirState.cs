using Led.Abstractions.Learning;

namespace Led.Propagators.ReservoirComputer;

/// <summary>The reservoir states of a batch, <c>[B, N]</c> row-major on plain arrays (the reservoir is not trained by gradient).</summary>
public sealed class ReservoirState : PropagatorState
{
    internal ReservoirState(int batchSize, int size)
    {
        (BatchSize, Size) = (batchSize, size);
        Values = new double[batchSize * size];
    }

    public int BatchSize { get; }

    public int Size { get; }

    internal double[] Values { get; }

    /// <summary>The state of trajectory <paramref name="b"/>.</summary>
    public ReadOnlySpan<double> Of(int b) => Values.AsSpan(b * Size, Size);

    public override void Detach()
    {
    }

    public override void Dispose()
    {
    }
}
