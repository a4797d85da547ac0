using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Led.Toolkit.Learning.Simd;

namespace Led.Toolkit.Learning;

/// <summary>
/// One 2-D convolution layer of a compiled inference path, <c>[in, H, W] → [out, H', W']</c>, with its weights packed once:
/// either a convolution with stride 1 (zero or circular padding per axis; PyTorch's Conv2d) or a transposed convolution
/// with stride 2 (zero padding p, output padding &lt; 2; PyTorch's ConvTranspose2d, H' = 2(H − 1) − 2p + k + output padding).
/// <para>
/// Scheme: both are one loop over a source buffer s <c>[in, rows, columns]</c> built from the input on every call,
/// y[o, r, x] = b[o] + Σ_ci Σ_(row tap t of r) Σ_j w[o, ci, t, j](x mod 2) · s[ci, row(t), x + shift(j)].
/// Convolution: s is the padded input, the row taps of output row r are rows r + ky (ky &lt; kh), the shifts are kx
/// (kx &lt; kw) and the weight does not depend on x. Transposed, stride 2: output (r, x) takes input (i, c) through tap
/// (ky, kx) when r = 2i − p + ky and x = 2c − p + kx. The row taps of r are the ky with r + p − ky even, at input row
/// (r + p − ky)/2 when that row exists (only those multiplications are done). Along x, an output x = 2n + q takes input
/// column n + e with the tap kx = q + p − 2e, so every output column sees the same few offsets e and only the tap depends
/// on the parity q: s holds each input column twice, s[2(c + l) + q'] = input[c], behind l zero columns (l = −min e),
/// the shifts are 2(e + l), and the weight of lane x is the tap of x's parity (zero where no tap exists). No zeros are
/// inserted between the input rows or columns, so a transposed layer does 4/3 of its multiply-adds for k = 3 instead
/// of the 4× of a zero-interleaved input.
/// </para>
/// <para>
/// Output channels are taken four at a time and output columns two SIMD vectors at a time (then one): each load of s
/// feeds four accumulators and each weight load two, by fused multiply-adds, with the weights packed
/// <c>[out / 4, in, row tap, shift, 4, lanes]</c> as whole vectors (constant, or alternating between the two parities),
/// so no broadcast or shuffle is needed. The terms (ci, row tap, shift) of each output row are listed once as two
/// offsets, into s and into a block's weights, so the inner loop is one flat loop. The vector width is chosen at run
/// time: 512 bits where accelerated for as many columns as fill whole vectors, then 256 bits, then one column at a time.
/// Results are the exact sums in another order (round-off only).
/// </para>
/// </summary>
public sealed class Conv2dKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Block = 4;
    private static readonly int Slot = Math.Max(2, 64 / Unsafe.SizeOf<T>());
    private readonly int _in, _out, _height, _width, _outHeight, _outWidth, _rows, _columns, _rowTaps, _start;
    private readonly int _top, _left, _bottom, _right;
    private readonly bool _transposed, _circularY, _circularX;
    private readonly int[] _shifts, _tapStart, _tapRow, _tapKind;
    private int[] _termStart = [], _termSource = [], _termWeight = [];
    private readonly T[] _weights, _bias, _source;

    private Conv2dKernel(int inChannels, int outChannels, int height, int width, int outHeight, int outWidth, int rows, int columns,
        int rowTaps, int[] shifts, (int Top, int Left, int Bottom, int Right) offsets, bool transposed, bool circularY, bool circularX)
    {
        (_in, _out, _height, _width, _outHeight, _outWidth, _rows, _columns) = (inChannels, outChannels, height, width, outHeight, outWidth, rows, columns);
        (_rowTaps, _shifts, _transposed, _circularY, _circularX) = (rowTaps, shifts, transposed, circularY, circularX);
        (_top, _left, _bottom, _right) = offsets;
        int blocks = (outChannels + Block - 1) / Block;
        _weights = AlignedWeights.Allocate<T>(blocks * inChannels * rowTaps * shifts.Length * Block * Slot, out _start);
        _bias = new T[blocks * Block];
        _source = new T[inChannels * rows * columns];
        _tapStart = new int[outHeight + 1];
        _tapRow = new int[outHeight * rowTaps];
        _tapKind = new int[outHeight * rowTaps];
    }

    /// <summary>Input channels.</summary>
    public int InChannels => _in;

    /// <summary>Output channels.</summary>
    public int OutChannels => _out;

    /// <summary>Output height H'.</summary>
    public int OutHeight => _outHeight;

    /// <summary>Output width W'.</summary>
    public int OutWidth => _outWidth;

    /// <summary>
    /// A convolution with stride 1 of an input <c>[in, height, width]</c>: weights <c>[out, in, kh, kw]</c> and bias
    /// <c>[out]</c> (PyTorch's Conv2d layout), padded by <paramref name="padding"/> (top/bottom rows, left/right columns),
    /// with zeros or wrapped around per axis.
    /// </summary>
    /// <exception cref="ArgumentException">The weights or bias do not fit, the kernel is larger than the padded input, or a circular padding exceeds the size.</exception>
    public static Conv2dKernel<T> Convolution(int inChannels, int height, int width, int kernelHeight, int kernelWidth, ReadOnlySpan<double> weight,
        ReadOnlySpan<double> bias, (int Top, int Bottom, int Left, int Right) padding, bool circularY = false, bool circularX = false)
    {
        var (top, bottom, left, right) = padding;
        int rows = height + top + bottom, columns = width + left + right, outChannels = bias.Length;
        int outHeight = rows - kernelHeight + 1, outWidth = columns - kernelWidth + 1;
        Check(inChannels, outChannels, height, width, kernelHeight, kernelWidth, weight);
        if (Math.Min(Math.Min(top, bottom), Math.Min(left, right)) < 0 || outHeight < 1 || outWidth < 1)
            throw new ArgumentException($"a {kernelHeight}×{kernelWidth} kernel does not fit [{height}, {width}] padded by {top}/{bottom} rows and {left}/{right} columns");
        if ((circularY && Math.Max(top, bottom) > height) || (circularX && Math.Max(left, right) > width))
            throw new ArgumentException($"circular padding {top}/{bottom}, {left}/{right} exceeds the input [{height}, {width}]");
        var kernel = new Conv2dKernel<T>(inChannels, outChannels, height, width, outHeight, outWidth, rows, columns, kernelHeight,
            Enumerable.Range(0, kernelWidth).ToArray(), (top, left, bottom, right), transposed: false, circularY, circularX);
        for (int r = 0; r <= outHeight; r++) kernel._tapStart[r] = r * kernelHeight;
        for (int r = 0; r < outHeight; r++)
            for (int ky = 0; ky < kernelHeight; ky++) (kernel._tapRow[r * kernelHeight + ky], kernel._tapKind[r * kernelHeight + ky]) = (r + ky, ky);
        kernel.Pack(weight, bias, (o, ci, ky, kx, _) => ((o * inChannels + ci) * kernelHeight + ky) * kernelWidth + kx);
        kernel.ListTerms();
        return kernel;
    }

    /// <summary>
    /// A transposed convolution with stride 2 of an input <c>[in, height, width]</c>: weights <c>[in, out, kh, kw]</c> and
    /// bias <c>[out]</c> (PyTorch's ConvTranspose2d layout), zero padding <paramref name="paddingY"/>/<paramref name="paddingX"/>
    /// and output padding <paramref name="outputPaddingY"/>/<paramref name="outputPaddingX"/> (0 or 1, extra rows or columns at the end).
    /// </summary>
    /// <exception cref="ArgumentException">The weights or bias do not fit, an output padding is not 0 or 1, or the output would be empty.</exception>
    public static Conv2dKernel<T> Transposed(int inChannels, int height, int width, int kernelHeight, int kernelWidth, ReadOnlySpan<double> weight,
        ReadOnlySpan<double> bias, int paddingY, int paddingX, int outputPaddingY, int outputPaddingX)
    {
        int outChannels = bias.Length;
        Check(inChannels, outChannels, height, width, kernelHeight, kernelWidth, weight);
        int outHeight = 2 * (height - 1) - 2 * paddingY + kernelHeight + outputPaddingY, outWidth = 2 * (width - 1) - 2 * paddingX + kernelWidth + outputPaddingX;
        if (outputPaddingY is < 0 or > 1 || outputPaddingX is < 0 or > 1 || paddingY < 0 || paddingX < 0 || outHeight < 1 || outWidth < 1)
            throw new ArgumentException($"a stride-2 transposed {kernelHeight}×{kernelWidth} kernel with padding {paddingY}/{paddingX} and output padding " +
                                        $"{outputPaddingY}/{outputPaddingX} (each 0 or 1) gives no output from [{height}, {width}]");
        // Column offsets e = (q + p − kx)/2 over both parities q and the taps kx of matching parity.
        var offsets = (from q in new[] { 0, 1 } from kx in Enumerable.Range(0, kernelWidth) where (q + paddingX - kx) % 2 == 0 select (q + paddingX - kx) / 2).ToList();
        int lowest = offsets.Min(), highest = offsets.Max(), lead = Math.Max(0, -lowest);
        int sourceWidth = Math.Max(lead + width, (outWidth - 1) / 2 + highest + lead + 1);
        var shifts = Enumerable.Range(lowest, highest - lowest + 1).Select(e => 2 * (e + lead)).ToArray();
        var kernel = new Conv2dKernel<T>(inChannels, outChannels, height, width, outHeight, outWidth, height, 2 * sourceWidth, kernelHeight,
            shifts, (0, lead, 0, 0), transposed: true, circularY: false, circularX: false);
        int taps = 0;
        for (int r = 0; r < outHeight; r++)
        {
            kernel._tapStart[r] = taps;
            for (int ky = 0; ky < kernelHeight; ky++)
            {
                int twice = r + paddingY - ky;
                if (twice >= 0 && twice % 2 == 0 && twice / 2 < height) (kernel._tapRow[taps], kernel._tapKind[taps++]) = (twice / 2, ky);
            }
        }
        kernel._tapStart[outHeight] = taps;
        kernel.Pack(weight, bias, (o, ci, ky, j, q) =>
        {
            int kx = q + paddingX - 2 * (j + lowest);
            return kx >= 0 && kx < kernelWidth ? ((ci * outChannels + o) * kernelHeight + ky) * kernelWidth + kx : -1;
        });
        kernel.ListTerms();
        return kernel;
    }

    /// <summary>Writes the layer's output <c>[out, H', W']</c> for <paramref name="input"/> <c>[in, H, W]</c> (channel-major).</summary>
    /// <exception cref="ArgumentException">The spans do not have the layer's sizes.</exception>
    public void Apply(ReadOnlySpan<T> input, Span<T> output)
    {
        if (input.Length != _in * _height * _width || output.Length != _out * _outHeight * _outWidth)
            throw new ArgumentException($"the layer maps [{_in}, {_height}, {_width}] to [{_out}, {_outHeight}, {_outWidth}], got {input.Length} and {output.Length} values");
        if (_transposed) Duplicate(input);
        else Pad(input);
        int x = 0;
        if (Vector512.IsHardwareAccelerated) x = Accumulate<Lanes512<T>, Vector512<T>>(output, x);
        if (Vector256.IsHardwareAccelerated) x = Accumulate<Lanes256<T>, Vector256<T>>(output, x);
        Accumulate<Lanes1<T>, T>(output, x);
    }

    private static void Check(int inChannels, int outChannels, int height, int width, int kernelHeight, int kernelWidth, ReadOnlySpan<double> weight)
    {
        if (inChannels < 1 || outChannels < 1 || height < 1 || width < 1 || kernelHeight < 1 || kernelWidth < 1
            || weight.Length != inChannels * outChannels * kernelHeight * kernelWidth)
            throw new ArgumentException($"a {kernelHeight}×{kernelWidth} kernel from {inChannels} to {outChannels} channels on [{height}, {width}] " +
                                        $"needs {inChannels * outChannels * kernelHeight * kernelWidth} weights, got {weight.Length}");
    }

    /// <summary>Packs the weights; <paramref name="index"/> gives (o, ci, row tap, shift j, parity q) → the weight's index (−1: zero).</summary>
    private void Pack(ReadOnlySpan<double> weight, ReadOnlySpan<double> bias, Func<int, int, int, int, int, int> index)
    {
        int shifts = _shifts.Length;
        for (int o = 0; o < _out; o++)
        {
            _bias[o] = T.CreateTruncating(bias[o]);
            for (int ci = 0; ci < _in; ci++)
                for (int t = 0; t < _rowTaps; t++)
                    for (int j = 0; j < shifts; j++)
                    {
                        int at = _start + (((((o / Block) * _in + ci) * _rowTaps + t) * shifts + j) * Block + o % Block) * Slot;
                        for (int lane = 0; lane < Slot; lane++)
                        {
                            int from = index(o, ci, t, j, lane & 1);
                            _weights[at + lane] = from < 0 ? T.Zero : T.CreateTruncating(weight[from]);
                        }
                    }
        }
    }

    /// <summary>
    /// Lists, for every output row, its terms (input channel, row tap, shift) in the order the loop takes them: where each
    /// reads in the source (plus the output column) and where its weights start in a block (plus the block's start).
    /// </summary>
    private void ListTerms()
    {
        int shifts = _shifts.Length, step = Block * Slot, tapSize = shifts * step, channelSize = _rowTaps * tapSize, plane = _rows * _columns;
        int terms = _tapStart[_outHeight] * _in * shifts;
        (_termStart, _termSource, _termWeight) = (new int[_outHeight + 1], new int[terms], new int[terms]);
        int k = 0;
        for (int r = 0; r < _outHeight; r++)
        {
            _termStart[r] = k;
            for (int ci = 0; ci < _in; ci++)
                for (int t = _tapStart[r]; t < _tapStart[r + 1]; t++)
                    for (int j = 0; j < shifts; j++, k++)
                        (_termSource[k], _termWeight[k]) = (ci * plane + _tapRow[t] * _columns + _shifts[j], ci * channelSize + _tapKind[t] * tapSize + j * step);
        }
        _termStart[_outHeight] = k;
    }

    /// <summary>Convolution: copies the input into the padded source; wraps the borders of circular axes (zero borders stay zero).</summary>
    private void Pad(ReadOnlySpan<T> input)
    {
        var source = _source.AsSpan();
        int plane = _rows * _columns;
        for (int ci = 0; ci < _in; ci++)
        {
            for (int r = 0; r < _height; r++)
            {
                var row = input.Slice((ci * _height + r) * _width, _width);
                var target = source.Slice(ci * plane + (r + _top) * _columns, _columns);
                row.CopyTo(target[_left..]);
                if (!_circularX) continue;
                row[(_width - _left)..].CopyTo(target);
                row[.._right].CopyTo(target[(_left + _width)..]);
            }
            if (!_circularY) continue;
            var channel = source.Slice(ci * plane, plane);
            for (int r = 0; r < _top; r++) channel.Slice((r + _height) * _columns, _columns).CopyTo(channel.Slice(r * _columns, _columns));
            for (int r = _top + _height; r < _rows; r++) channel.Slice((r - _height) * _columns, _columns).CopyTo(channel.Slice(r * _columns, _columns));
        }
    }

    /// <summary>Transposed: writes every input value twice, behind the lead zero columns (the rest stays zero).</summary>
    private void Duplicate(ReadOnlySpan<T> input)
    {
        ref T s = ref MemoryMarshal.GetArrayDataReference(_source);
        int rows = _in * _height;
        for (int r = 0; r < rows; r++)
        {
            var row = input.Slice(r * _width, _width);
            nuint at = (nuint)(r * _columns + 2 * _left);
            for (int c = 0; c < row.Length; c++, at += 2)
            {
                Unsafe.Add(ref s, at) = row[c];
                Unsafe.Add(ref s, at + 1) = row[c];
            }
        }
    }

    /// <summary>
    /// Output columns from <paramref name="from"/>, two vectors at a time (eight accumulators: each weight load feeds two
    /// of them) and then one, as many as fill whole vectors; returns the first column left.
    /// </summary>
    private int Accumulate<TLanes, TVector>(Span<T> output, int from) where TLanes : struct, ILanes<TVector, T>
    {
        int v = TLanes.Count, end = from + (_outWidth - from) / v * v;
        if (end == from) return from;
        ref T s = ref MemoryMarshal.GetArrayDataReference(_source);
        ref T w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), _start);
        ref T y = ref MemoryMarshal.GetReference(output);
        ref int source = ref MemoryMarshal.GetArrayDataReference(_termSource);
        ref int weight = ref MemoryMarshal.GetArrayDataReference(_termWeight);
        int channelSize = _rowTaps * _shifts.Length * Block * Slot;
        nuint slot = (nuint)Slot, outPlane = (nuint)(_outHeight * _outWidth);
        for (int o = 0; o < _out; o += Block)
        {
            int count = Math.Min(Block, _out - o);
            nuint block = (nuint)(o / Block * _in * channelSize);
            T b0 = _bias[o], b1 = _bias[o + 1], b2 = _bias[o + 2], b3 = _bias[o + 3];
            for (int r = 0; r < _outHeight; r++)
            {
                int first = _termStart[r], last = _termStart[r + 1];
                int x = from;
                for (; v > 1 && x + 2 * v <= end; x += 2 * v)
                {
                    TVector a0 = TLanes.Broadcast(b0), a1 = TLanes.Broadcast(b1), a2 = TLanes.Broadcast(b2), a3 = TLanes.Broadcast(b3);
                    TVector c0 = a0, c1 = a1, c2 = a2, c3 = a3;
                    for (int k = first; k < last; k++)
                    {
                        nuint at = (nuint)(Unsafe.Add(ref source, k) + x), wAt = block + (nuint)Unsafe.Add(ref weight, k);
                        TVector input = TLanes.Load(ref s, at), further = TLanes.Load(ref s, at + (nuint)v);
                        TVector w0 = TLanes.Load(ref w, wAt), w1 = TLanes.Load(ref w, wAt + slot),
                            w2 = TLanes.Load(ref w, wAt + 2 * slot), w3 = TLanes.Load(ref w, wAt + 3 * slot);
                        a0 = TLanes.MultiplyAdd(w0, input, a0);
                        a1 = TLanes.MultiplyAdd(w1, input, a1);
                        a2 = TLanes.MultiplyAdd(w2, input, a2);
                        a3 = TLanes.MultiplyAdd(w3, input, a3);
                        c0 = TLanes.MultiplyAdd(w0, further, c0);
                        c1 = TLanes.MultiplyAdd(w1, further, c1);
                        c2 = TLanes.MultiplyAdd(w2, further, c2);
                        c3 = TLanes.MultiplyAdd(w3, further, c3);
                    }
                    nuint target = (nuint)((o * _outHeight + r) * _outWidth + x);
                    Store(a0, a1, a2, a3, ref y, target, outPlane, count);
                    Store(c0, c1, c2, c3, ref y, target + (nuint)v, outPlane, count);
                }
                for (; x < end; x += v)
                {
                    TVector a0 = TLanes.Broadcast(b0), a1 = TLanes.Broadcast(b1), a2 = TLanes.Broadcast(b2), a3 = TLanes.Broadcast(b3);
                    nuint parity = (nuint)(x & 1);
                    for (int k = first; k < last; k++)
                    {
                        var input = TLanes.Load(ref s, (nuint)(Unsafe.Add(ref source, k) + x));
                        nuint wAt = block + (nuint)Unsafe.Add(ref weight, k) + parity;
                        a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, wAt), input, a0);
                        a1 = TLanes.MultiplyAdd(TLanes.Load(ref w, wAt + slot), input, a1);
                        a2 = TLanes.MultiplyAdd(TLanes.Load(ref w, wAt + 2 * slot), input, a2);
                        a3 = TLanes.MultiplyAdd(TLanes.Load(ref w, wAt + 3 * slot), input, a3);
                    }
                    Store(a0, a1, a2, a3, ref y, (nuint)((o * _outHeight + r) * _outWidth + x), outPlane, count);
                }
            }
        }
        return end;

        static void Store(TVector a0, TVector a1, TVector a2, TVector a3, ref T y, nuint target, nuint plane, int count)
        {
            TLanes.Store(a0, ref y, target);
            if (count > 1) TLanes.Store(a1, ref y, target + plane);
            if (count > 2) TLanes.Store(a2, ref y, target + 2 * plane);
            if (count > 3) TLanes.Store(a3, ref y, target + 3 * plane);
        }
    }
}
