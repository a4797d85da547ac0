namespace Led.Toolkit.Learning;

/// <summary>
/// Where each output position of PyTorch's <c>Upsample</c> by an integer factor reads along one axis, for compiled
/// decoders: output j takes source + weight·(source + 1 − source) between <see cref="Lower"/>[j] and
/// <see cref="Upper"/>[j]. Linear: the source coordinate is (j + ½)/factor − ½ clamped at 0, or j·(n − 1)/(n_out − 1) with
/// aligned corners, its integer part the lower index (the upper one clamped to n − 1) and its fraction the weight.
/// Nearest: ⌊j/factor⌋ with weight 0.
/// </summary>
public sealed class UpsampleAxis
{
    private UpsampleAxis(int[] lower, int[] upper, double[] weight) => (Lower, Upper, Weight) = (lower, upper, weight);

    /// <summary>The lower source index of each output position.</summary>
    public int[] Lower { get; }

    /// <summary>The upper source index of each output position.</summary>
    public int[] Upper { get; }

    /// <summary>The weight of the upper source value.</summary>
    public double[] Weight { get; }

    /// <summary>The table for <paramref name="size"/> source positions upsampled by <paramref name="factor"/>.</summary>
    /// <exception cref="ArgumentException">A size or factor below 1.</exception>
    public static UpsampleAxis Create(int size, int factor, bool linear, bool alignCorners)
    {
        if (size < 1 || factor < 1) throw new ArgumentException($"cannot upsample {size} positions by {factor}");
        int outSize = size * factor;
        var (lower, upper, weight) = (new int[outSize], new int[outSize], new double[outSize]);
        for (int j = 0; j < outSize; j++)
        {
            if (!linear)
            {
                lower[j] = upper[j] = Math.Min(j / factor, size - 1);
                continue;
            }
            double source = alignCorners ? (outSize > 1 ? j * (double)(size - 1) / (outSize - 1) : 0) : Math.Max(0.0, (j + 0.5) / factor - 0.5);
            lower[j] = Math.Min((int)source, size - 1);
            upper[j] = Math.Min(lower[j] + 1, size - 1);
            weight[j] = source - lower[j];
        }
        return new UpsampleAxis(lower, upper, weight);
    }
}
