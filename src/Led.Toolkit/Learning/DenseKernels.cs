using System.Numerics;
using System.Runtime.InteropServices;

namespace Led.Toolkit.Learning;

/// <summary>
/// Dense kernels for compiled inference paths (a component's fast latent step or decoder on plain arrays): what a batch-1
/// forward pass spends its time in, written so that it runs at the speed of the cache rather than of a call per row.
/// </summary>
public static class DenseKernels
{
    /// <summary>
    /// y = W x + b for a row-major W of <c>[y.Length, x.Length]</c>: four rows at a time, each input vector load shared by
    /// the four rows' SIMD accumulators. (512-bit vectors measured no faster here: a step is bound by moving the weights,
    /// not by arithmetic.)
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths do not fit together.</exception>
    public static void MatVec<T>(ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = y.Length, cols = x.Length, width = Vector<T>.Count;
        if (weights.Length != rows * cols || bias.Length != rows)
            throw new ArgumentException($"weights [{weights.Length}] and bias [{bias.Length}] do not fit y [{rows}] = W x [{cols}]");
        ref T w = ref MemoryMarshal.GetReference(weights);
        ref T v = ref MemoryMarshal.GetReference(x);
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            nuint r0 = (nuint)(r * cols), r1 = r0 + (nuint)cols, r2 = r1 + (nuint)cols, r3 = r2 + (nuint)cols;
            Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
            int c = 0;
            for (; c + width <= cols; c += width)
            {
                var xv = Vector.LoadUnsafe(ref v, (nuint)c);
                a0 += Vector.LoadUnsafe(ref w, r0 + (nuint)c) * xv;
                a1 += Vector.LoadUnsafe(ref w, r1 + (nuint)c) * xv;
                a2 += Vector.LoadUnsafe(ref w, r2 + (nuint)c) * xv;
                a3 += Vector.LoadUnsafe(ref w, r3 + (nuint)c) * xv;
            }
            T s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            for (; c < cols; c++)
            {
                s0 += weights[r * cols + c] * x[c];
                s1 += weights[(r + 1) * cols + c] * x[c];
                s2 += weights[(r + 2) * cols + c] * x[c];
                s3 += weights[(r + 3) * cols + c] * x[c];
            }
            (y[r], y[r + 1], y[r + 2], y[r + 3]) = (bias[r] + s0, bias[r + 1] + s1, bias[r + 2] + s2, bias[r + 3] + s3);
        }
        for (; r < rows; r++)
        {
            T sum = bias[r];
            for (int c = 0; c < cols; c++) sum += weights[r * cols + c] * x[c];
            y[r] = sum;
        }
    }
}
