using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Led.Toolkit.Learning.Simd;

namespace Led.Toolkit.Learning;

/// <summary>
/// Direct 1-D convolution (stride 1, dilation 1, one group) of one already padded input for compiled inference paths.
/// Scheme: y[o, x] = b[o] + Σ_ci Σ_j w[o, ci, j] · p[ci, x + j] for x &lt; W_out = W_padded − k + 1, without im2col. Output
/// channels are taken four at a time and the output positions a SIMD vector at a time, so each load of the padded input
/// p[ci, x + j … x + j + V − 1] feeds four accumulators, each updated with a broadcast weight by a fused multiply-add.
/// The vector width is chosen at run time: 512 bits where accelerated and the output is at least that wide, else 256
/// bits (FMA where the CPU has it, else multiply and add), else scalar; positions left over after the last full vector
/// are done scalar. The weights are laid out <c>[out rounded up to 4, in, k]</c> (extra rows zero) and y holds as many rows.
/// </summary>
public static class Conv1dKernel
{
    /// <summary>Output channels computed together.</summary>
    public const int Block = 4;

    /// <summary>Output rows the kernel writes for <paramref name="outChannels"/> channels (a multiple of <see cref="Block"/>).</summary>
    public static int PaddedRows(int outChannels) => (outChannels + Block - 1) / Block * Block;

    /// <summary>
    /// Convolves <paramref name="padded"/> <c>[in, paddedWidth]</c> with <paramref name="weights"/>
    /// <c>[PaddedRows(out), in, kernel]</c> and <paramref name="bias"/> <c>[PaddedRows(out)]</c> into
    /// <paramref name="output"/> <c>[PaddedRows(out), paddedWidth − kernel + 1]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans do not fit the sizes.</exception>
    public static void Convolve<T>(ReadOnlySpan<T> padded, int inChannels, int paddedWidth, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias,
        int kernel, Span<T> output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outWidth = paddedWidth - kernel + 1;
        int rows = bias.Length;
        if (rows % Block != 0 || outWidth < 1 || padded.Length < inChannels * paddedWidth || weights.Length != rows * inChannels * kernel
            || output.Length < rows * outWidth)
            throw new ArgumentException($"Conv1dKernel: input [{inChannels}, {paddedWidth}], weights [{weights.Length}], bias [{rows}] and output [{output.Length}] do not fit kernel {kernel}");
        int x = 0;
        if (Vector512.IsHardwareAccelerated && outWidth >= Vector512<T>.Count)
            x = Wide<Lanes512<T>, Vector512<T>, T>(padded, inChannels, paddedWidth, weights, bias, kernel, output, outWidth);
        else if (Vector256.IsHardwareAccelerated && outWidth >= Vector256<T>.Count)
            x = Wide<Lanes256<T>, Vector256<T>, T>(padded, inChannels, paddedWidth, weights, bias, kernel, output, outWidth);
        if (x < outWidth) Scalar(padded, inChannels, paddedWidth, weights, bias, kernel, output, outWidth, x);
    }

    /// <summary>The vector part: output channels in blocks of four, positions a vector at a time; returns the first position left.</summary>
    private static int Wide<TLanes, TVector, T>(ReadOnlySpan<T> padded, int cin, int pw, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, int k,
        Span<T> output, int outWidth) where TLanes : struct, ILanes<TVector, T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T p = ref MemoryMarshal.GetReference(padded);
        ref T w = ref MemoryMarshal.GetReference(weights);
        ref T y = ref MemoryMarshal.GetReference(output);
        int v = TLanes.Count, end = outWidth / v * v, perRow = cin * k;
        for (int o = 0; o < bias.Length; o += Block)
        {
            nuint w0 = (nuint)(o * perRow), w1 = w0 + (nuint)perRow, w2 = w1 + (nuint)perRow, w3 = w2 + (nuint)perRow;
            for (int x = 0; x < end; x += v)
            {
                TVector a0 = TLanes.Broadcast(bias[o]), a1 = TLanes.Broadcast(bias[o + 1]), a2 = TLanes.Broadcast(bias[o + 2]), a3 = TLanes.Broadcast(bias[o + 3]);
                for (int ci = 0; ci < cin; ci++)
                {
                    nuint row = (nuint)(ci * pw + x), tap = (nuint)(ci * k);
                    for (int j = 0; j < k; j++)
                    {
                        var input = TLanes.Load(ref p, row + (nuint)j);
                        nuint at = tap + (nuint)j;
                        a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref w, w0 + at)), input, a0);
                        a1 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref w, w1 + at)), input, a1);
                        a2 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref w, w2 + at)), input, a2);
                        a3 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref w, w3 + at)), input, a3);
                    }
                }
                TLanes.Store(a0, ref y, (nuint)(o * outWidth + x));
                TLanes.Store(a1, ref y, (nuint)((o + 1) * outWidth + x));
                TLanes.Store(a2, ref y, (nuint)((o + 2) * outWidth + x));
                TLanes.Store(a3, ref y, (nuint)((o + 3) * outWidth + x));
            }
        }
        return end;
    }

    private static void Scalar<T>(ReadOnlySpan<T> padded, int cin, int pw, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, int k,
        Span<T> output, int outWidth, int from) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < bias.Length; o++)
            for (int x = from; x < outWidth; x++)
            {
                T sum = bias[o];
                for (int ci = 0; ci < cin; ci++)
                    for (int j = 0; j < k; j++)
                        sum += weights[(o * cin + ci) * k + j] * padded[ci * pw + x + j];
                output[o * outWidth + x] = sum;
            }
    }
}
