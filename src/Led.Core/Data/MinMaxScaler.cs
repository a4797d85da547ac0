using Led.Abstractions.Observables;

namespace Led.Core.Data;

/// <summary>
/// Min–max scaling to [0, 1] (the reference's MinMaxZeroOne) per quantity of the observable
/// (<see cref="Observable.Names"/>): per channel shared over space for a field, per dimension shared over the points of
/// a point set, per coordinate for a vector. x̃ = (x − min_c)/(max_c − min_c). Quantities with fixed bounds (a box, a
/// periodic coordinate) are scaled by those bounds, so that no scaling crosses a periodic cut. Errors are always
/// computed after <see cref="Unscale"/>.
/// </summary>
public sealed class MinMaxScaler
{
    private readonly Observable? _observable;

    /// <param name="observable">The layout of a snapshot; null: channel-major fields (one block per channel).</param>
    public MinMaxScaler(double[] min, double[] max, Observable? observable = null)
    {
        if (observable is not null && observable.Names.Count != min.Length)
            throw new ArgumentException($"the observable has {observable.Names.Count} scaled quantities, the scaler {min.Length}");
        _observable = observable is FieldObservable ? null : observable;
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

    /// <summary>The same bounds for a snapshot of <paramref name="observable"/>'s layout.</summary>
    public MinMaxScaler For(Observable observable) => new(Min, Max, observable);

    /// <summary>
    /// The scaler of <paramref name="observable"/>: fixed bounds where it has them, else min and max over all frames of
    /// the given sets.
    /// </summary>
    public static MinMaxScaler Fit(Observable observable, params TrajectorySet[] sets)
    {
        if (observable is FieldObservable) return Fit(sets);
        int names = observable.Names.Count;
        var min = Enumerable.Repeat(double.PositiveInfinity, names).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, names).ToArray();
        var layout = Enumerable.Range(0, observable.Size).Select(observable.NameOf).ToArray();
        foreach (var set in sets)
            for (long i = 0; i < set.Values.LongLength; i++)
            {
                int c = layout[i % set.FrameSize];
                double v = set.Values[i];
                if (!double.IsFinite(v)) throw new InvalidDataException($"the data contain a non-finite value ({v}) in {observable.Names[c]}: the simulation diverged");
                if (v < min[c]) min[c] = v;
                if (v > max[c]) max[c] = v;
            }
        for (int c = 0; c < names; c++)
        {
            if (observable.FixedBounds(c) is var (lo, hi)) (min[c], max[c]) = (lo, hi);
            else if (!(max[c] > min[c])) (min[c], max[c]) = (min[c] - 0.5, min[c] + 0.5); // a constant quantity
        }
        return new MinMaxScaler(min, max, observable);
    }

    /// <summary>Min and max per channel over all frames of the given sets (channel-major fields).</summary>
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
        if (_observable is not null)
        {
            for (int i = 0; i < frames.Length; i++)
            {
                int c = _observable.NameOf(i % frameSize);
                double min = Min[c], range = Max[c] - Min[c];
                frames[i] = scale ? (frames[i] - min) / range : frames[i] * range + min;
            }
            return;
        }
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
