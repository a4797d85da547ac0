using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Led.Toolkit.Learning.Simd;

namespace Led.Toolkit.Learning;

/// <summary>
/// A compiled decoder's chain of stages on plain arrays in the model's precision <typeparamref name="T"/>: the latent
/// vector is converted to <typeparamref name="T"/>, each stage reads the current activation and writes the next into the
/// other of two buffers (allocated once, on the first run, as large as the largest stage writes), and the last
/// activation is converted back to double. The shapes are the callers' business; the pipeline only knows sizes. Offers
/// the stages every convolutional decoder has: elementwise activations (vectorised, in one pass) and a per-channel affine
/// map (batch norm with running statistics).
/// </summary>
public sealed class DecoderPipeline<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateTruncating(0.5);
    private readonly List<(SpanMap<T> Run, int Size)> _stages = [];
    private readonly int _latentDim;
    private int _size, _largest;
    private T[] _front = [], _back = [];

    /// <summary>Starts a pipeline of <paramref name="latentDim"/> inputs.</summary>
    public DecoderPipeline(int latentDim) => (_latentDim, _size, _largest) = (latentDim, latentDim, latentDim);

    /// <summary>Values of the activation after the stages added so far.</summary>
    public int Size => _size;

    /// <summary>Appends <paramref name="run"/>, which writes <paramref name="size"/> values (and up to <paramref name="written"/> in all, scratch included).</summary>
    public void Add(SpanMap<T> run, int size, int written = 0)
    {
        _stages.Add((run, size));
        _size = size;
        _largest = Math.Max(_largest, Math.Max(size, written));
    }

    /// <summary>An elementwise activation (<paramref name="alpha"/>: CELU's and ELU's α).</summary>
    public void Activation(DecoderActivation kind, double alpha = 1.0)
    {
        var a = T.CreateTruncating(alpha);
        Add((x, y) => Activate(kind, a, x, y), _size);
    }

    /// <summary>y[c, ·] = scale[c]·x[c, ·] + shift[c] over <paramref name="plane"/> values per channel (batch norm in evaluation: scale = γ/√(var + ε), shift = β − mean·scale).</summary>
    /// <exception cref="ArgumentException">The channels times <paramref name="plane"/> are not the activation's size.</exception>
    public void ChannelAffine(double[] scale, double[] shift, int plane)
    {
        int channels = scale.Length;
        if (shift.Length != channels || channels * plane != _size)
            throw new ArgumentException($"a per-channel map of {channels} channels of {plane} values does not fit an activation of {_size} values");
        var (a, b) = (scale.Select(T.CreateTruncating).ToArray(), shift.Select(T.CreateTruncating).ToArray());
        Add((x, y) =>
        {
            for (int ch = 0; ch < channels; ch++)
            {
                var source = x.Slice(ch * plane, plane);
                var target = y.Slice(ch * plane, plane);
                for (int k = 0; k < plane; k++) target[k] = source[k] * a[ch] + b[ch];
            }
        }, _size);
    }

    /// <summary>Runs the stages on <paramref name="latent"/> and writes the result into <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">The spans do not have the pipeline's input and output sizes.</exception>
    public void Run(ReadOnlySpan<double> latent, Span<double> state)
    {
        if (_front.Length == 0) (_front, _back) = (new T[_largest], new T[_largest]);
        if (latent.Length != _latentDim || state.Length != _size)
            throw new ArgumentException($"the decoder maps {_latentDim} latent values to {_size} state values, but got {latent.Length} and {state.Length}");
        for (int d = 0; d < latent.Length; d++) _front[d] = T.CreateTruncating(latent[d]);
        int size = _latentDim;
        foreach (var (run, next) in _stages)
        {
            run(_front.AsSpan(0, size), _back);
            (_front, _back) = (_back, _front);
            size = next;
        }
        if (typeof(T) == typeof(double)) MemoryMarshal.Cast<T, double>(_front.AsSpan(0, size)).CopyTo(state);
        else if (typeof(T) == typeof(float)) Widen(MemoryMarshal.Cast<T, float>(_front.AsSpan(0, size)), state);
        else
            for (int k = 0; k < size; k++) state[k] = double.CreateTruncating(_front[k]);
    }

    /// <summary>Converts single-precision values to double, 256 bits at a time.</summary>
    private static void Widen(ReadOnlySpan<float> values, Span<double> target)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; k + Vector256<float>.Count <= values.Length; k += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(values.Slice(k, Vector256<float>.Count)));
                lower.CopyTo(target[k..]);
                upper.CopyTo(target[(k + Vector256<double>.Count)..]);
            }
        for (; k < values.Length; k++) target[k] = values[k];
    }

    /// <summary>
    /// y = act(x) elementwise (<paramref name="alpha"/>: CELU's and ELU's α), vectorised in one pass with this library's
    /// exponential; <paramref name="y"/> may be <paramref name="x"/>.
    /// </summary>
    public static void Activate(DecoderActivation kind, T alpha, ReadOnlySpan<T> x, Span<T> y)
    {
        y = y[..x.Length];
        switch (kind)
        {
            case DecoderActivation.Identity:
                x.CopyTo(y);
                break;
            case DecoderActivation.Relu or DecoderActivation.Tanh or DecoderActivation.Sigmoid or DecoderActivation.TanhPlus or DecoderActivation.Celu
                or DecoderActivation.Elu:
                int from = 0;
                if (Vector512.IsHardwareAccelerated) from = Elementwise<Lanes512<T>, Vector512<T>>(kind, alpha, x, y, from);
                if (Vector256.IsHardwareAccelerated) from = Elementwise<Lanes256<T>, Vector256<T>>(kind, alpha, x, y, from);
                Elementwise<Lanes1<T>, T>(kind, alpha, x, y, from);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation");
        }
    }

    /// <summary>
    /// In one pass, a vector at a time from <paramref name="from"/>, as many values as fill whole vectors (returns the first
    /// value left), with <see cref="VectorMath"/>'s exponential: ReLU max(0, x), tanh x = 1 − 2/(e^{2x} + 1), sigmoid 1/(1 + e^−x),
    /// tanhplus ½ + ½·tanh x = 1 − 1/(e^{2x} + 1), or CELU/ELU max(0, x) + α(exp(min(0, x)·s) − 1) with s = 1/α for CELU
    /// and 1 for ELU (PyTorch's definitions).
    /// </summary>
    private static int Elementwise<TLanes, TVector>(DecoderActivation kind, T alpha, ReadOnlySpan<T> x, Span<T> y, int from)
        where TLanes : struct, ILanes<TVector, T>
    {
        int v = TLanes.Count, end = from + (x.Length - from) / v * v;
        ref T source = ref MemoryMarshal.GetReference(x);
        ref T target = ref MemoryMarshal.GetReference(y);
        TVector zero = TLanes.Broadcast(T.Zero), one = TLanes.Broadcast(T.One), minusOne = TLanes.Broadcast(-T.One), minusTwo = TLanes.Broadcast(-T.One - T.One),
            a = TLanes.Broadcast(alpha), inputScale = TLanes.Broadcast(kind == DecoderActivation.Celu ? T.One / alpha : T.One);
        for (int i = from; i < end; i += v)
        {
            var value = TLanes.Load(ref source, (nuint)i);
            var result = kind switch
            {
                DecoderActivation.Relu => TLanes.Max(value, zero),
                DecoderActivation.Tanh => TLanes.MultiplyAdd(minusTwo, Reciprocal(TLanes.Add(value, value)), one),
                DecoderActivation.TanhPlus => TLanes.MultiplyAdd(minusOne, Reciprocal(TLanes.Add(value, value)), one),
                DecoderActivation.Sigmoid => TLanes.Divide(one, TLanes.Add(VectorMath.Exp<TLanes, TVector, T>(TLanes.Multiply(value, minusOne)), one)),
                _ => TLanes.MultiplyAdd(a, TLanes.Add(VectorMath.Exp<TLanes, TVector, T>(TLanes.Multiply(TLanes.Min(value, zero), inputScale)), minusOne),
                    TLanes.Max(value, zero)),
            };
            TLanes.Store(result, ref target, (nuint)i);
        }
        return end;

        // 1/(e^u + 1)
        TVector Reciprocal(TVector u) => TLanes.Divide(one, TLanes.Add(VectorMath.Exp<TLanes, TVector, T>(u), one));
    }
}
