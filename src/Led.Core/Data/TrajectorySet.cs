namespace Led.Core.Data;

/// <summary>
/// Equal-length trajectories of observable snapshots in one contiguous array, laid out
/// <c>[trajectory, time, channel, grid…]</c> (the HDF5 dataset's layout).
/// </summary>
public sealed class TrajectorySet
{
    public TrajectorySet(int count, int length, int[] frameShape, double[]? values = null)
    {
        if (count < 0 || length < 0) throw new ArgumentOutOfRangeException(nameof(count), "count and length must be ≥ 0");
        Count = count;
        Length = length;
        FrameShape = frameShape;
        FrameSize = frameShape.Aggregate(1, (a, b) => a * b);
        Values = values ?? new double[(long)count * length * FrameSize];
        if (Values.LongLength != (long)count * length * FrameSize)
            throw new ArgumentException($"{Values.LongLength} values do not fill {count} × {length} × [{string.Join(", ", frameShape)}]");
    }

    public int Count { get; }

    public int Length { get; }

    public int[] FrameShape { get; }

    public int FrameSize { get; }

    public double[] Values { get; }

    /// <summary><c>[count, length, frame…]</c>.</summary>
    public long[] Shape => [Count, Length, .. FrameShape.Select(d => (long)d)];

    public Span<double> Frame(int trajectory, int time) =>
        Values.AsSpan(checked((trajectory * Length + time) * FrameSize), FrameSize);

    public Span<double> Trajectory(int trajectory) =>
        Values.AsSpan(checked(trajectory * Length * FrameSize), Length * FrameSize);
}
