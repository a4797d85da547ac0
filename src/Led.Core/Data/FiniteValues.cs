namespace Led.Core.Data;

/// <summary>Finds the first non-finite value (NaN or ±∞) of trajectories, so an error can name where the data went bad.</summary>
public static class FiniteValues
{
    /// <summary>The index of the first non-finite value in <paramref name="values"/>, or -1.</summary>
    public static long First(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return i;
        return -1;
    }

    /// <summary>Throws an <see cref="InvalidDataException"/> naming the split, trajectory and time step of the first non-finite value.</summary>
    /// <param name="source">What holds the values, e.g. a file path.</param>
    /// <param name="fix">What to do about it.</param>
    public static void Require(TrajectorySet set, string split, string source, string fix)
    {
        long first = First(set.Values);
        if (first < 0) return;
        long frame = first / set.FrameSize;
        throw new InvalidDataException($"{source}: the {split} split holds a non-finite value ({set.Values[first]}) in trajectory {frame / set.Length}, " +
                                       $"time step {frame % set.Length} (component {first % set.FrameSize}): {fix}");
    }
}
