namespace Led.Core.Data;

/// <summary>
/// Scalar series observed with a <see cref="TrajectorySet"/>'s snapshots (<see cref="Abstractions.Systems.IScalarSeries"/>):
/// one value per series, trajectory and time, laid out <c>[series, trajectory, time]</c>.
/// </summary>
public sealed class ScalarSeriesSet(IReadOnlyList<string> names, int count, int length)
{
    public IReadOnlyList<string> Names { get; } = names;

    public int Count { get; } = count;

    public int Length { get; } = length;

    public double[] Values { get; } = new double[(long)names.Count * count * length];

    /// <summary>One series of all trajectories, <c>[trajectory, time]</c>.</summary>
    public Span<double> Series(int series) => Values.AsSpan(checked(series * Count * Length), Count * Length);
}
