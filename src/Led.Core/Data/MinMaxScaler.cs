namespace Led.Core.Data;

/// <summary>
/// Per-channel min–max scaling to [0, 1] (the reference's MinMaxZeroOne), shared over space:
/// x̃ = (x − min_c)/(max_c − min_c). Errors are always computed after <see cref="Unscale"/>.
/// </summary>
public sealed class MinMaxScaler
{
    public MinMaxScaler(double[] min, double[] max)
    {
        if (min.Length != max.Length || min.Length == 0) throw new ArgumentException("min and max need one value per channel");
        for (int c = 0; c < min.Length; c++)
            if (!(max[c] > min[c]) || !double.IsFinite(min[c]) || !double.IsFinite(max[c]))
                throw new ArgumentException($"channel {c}: max ({max[c]}) must be finite and larger than min ({min[c]})");
        Min = min;
        Max = max;
    }

    public double[] Min { get; }

    public double[] Max { get; }

    public int Channels => Min.Length;

    /// <summary>Min and max per channel over all frames of the given sets.</summary>
    public static MinMaxScaler Fit(params TrajectorySet[] sets)
    {
        var first = sets[0];
        int channels = first.FrameShape[0], perChannel = first.FrameSize / channels;
        var min = Enumerable.Repeat(double.PositiveInfinity, channels).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, channels).ToArray();
        foreach (var set in sets)
            for (long i = 0; i < set.Values.LongLength; i++)
            {
                int c = (int)(i % set.FrameSize / perChannel);
                double v = set.Values[i];
                if (!double.IsFinite(v)) throw new InvalidDataException($"the data contain a non-finite value ({v}) in channel {c}: the simulation diverged");
                if (v < min[c]) min[c] = v;
                if (v > max[c]) max[c] = v;
            }
        return new MinMaxScaler(min, max);
    }

    /// <summary>Scales whole frames of <paramref name="frameSize"/> values (channel-major) in place.</summary>
    public void Scale(Span<double> frames, int frameSize) => Apply(frames, frameSize, scale: true);

    public void Unscale(Span<double> frames, int frameSize) => Apply(frames, frameSize, scale: false);

    private void Apply(Span<double> frames, int frameSize, bool scale)
    {
        if (frameSize % Channels != 0 || frames.Length % frameSize != 0)
            throw new ArgumentException($"expected whole frames of {frameSize} values over {Channels} channels");
        int perChannel = frameSize / Channels;
        for (int start = 0; start < frames.Length; start += frameSize)
            for (int c = 0; c < Channels; c++)
            {
                double min = Min[c], range = Max[c] - Min[c];
                var block = frames.Slice(start + c * perChannel, perChannel);
                for (int i = 0; i < block.Length; i++)
                    block[i] = scale ? (block[i] - min) / range : block[i] * range + min;
            }
    }
}
