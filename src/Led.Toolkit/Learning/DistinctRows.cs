namespace Led.Toolkit.Learning;

/// <summary>
/// Exact duplicate rows of a row-major <c>[N, width]</c> array, removed as the reference removes duplicate training
/// frames before a closed-form fit (PCA, diffusion maps): a row is kept when no earlier row has the same values bit for
/// bit; the kept rows stay in first-seen order. One hash-set pass, O(N · width) time.
/// </summary>
public static class DistinctRows
{
    /// <summary>The rows of <paramref name="values"/> (row-major, <paramref name="width"/> values a row) with exact duplicates removed.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the width.</exception>
    public static double[] Of(double[] values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (values.Length % width != 0)
            throw new ArgumentException($"{values.Length} values do not split into rows of {width}", nameof(values));
        var seen = new HashSet<RowKey>();
        var kept = new List<double>(values.Length);
        for (int start = 0; start < values.Length; start += width)
            if (seen.Add(new RowKey(values, start, width)))
                kept.AddRange(values.AsSpan(start, width));
        return kept.ToArray();
    }

    private readonly record struct RowKey(double[] Values, int Start, int Length)
    {
        public bool Equals(RowKey other) => Values.AsSpan(Start, Length).SequenceEqual(other.Values.AsSpan(other.Start, other.Length));

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var v in Values.AsSpan(Start, Length)) hash.Add(v);
            return hash.ToHashCode();
        }
    }
}
