using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Led.Toolkit.Learning.Simd;

namespace Led.Toolkit.Learning;

/// <summary>
/// y = W x + b for one dense layer of a compiled inference path, with the weights packed once.
/// Scheme: the output rows are cut into blocks of up to four SIMD vectors (V rows each, V the width); for each column k
/// the input value x_k is broadcast once and multiplied by fused multiply-adds into the block's accumulators, which
/// start from the bias. No horizontal sums and no scalar tails: the rows are padded to a multiple of V with zero
/// weights, and a block's weights are packed as <c>[column, vector, lane]</c> from a 64-byte boundary so that it
/// streams them linearly. Four accumulators hide the fused multiply-add latency; the last block takes the one to three
/// vectors left. The width is chosen at run time: 512 bits where accelerated, else 256 bits, else one value at a time.
/// Compared with <see cref="DenseKernels.MatVec{T}"/> (row-major, four rows at a time, a horizontal sum per row) this
/// avoids a reduction per output and the scalar remainder of columns that are not a multiple of V.
/// </summary>
public sealed class DenseLayerKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _inputs, _outputs, _lanes, _vectors, _start;
    private readonly T[] _weights, _bias, _out;

    /// <summary>Packs a row-major <c>weight [outputs, inputs]</c> and <c>bias [outputs]</c> (PyTorch's Linear layout).</summary>
    /// <exception cref="ArgumentException">The weights or the bias do not fit the sizes.</exception>
    public DenseLayerKernel(int inputs, int outputs, ReadOnlySpan<double> weight, ReadOnlySpan<double> bias)
    {
        if (inputs < 0 || outputs < 1 || weight.Length != inputs * outputs || bias.Length != outputs)
            throw new ArgumentException($"a dense layer of {outputs} outputs on {inputs} inputs needs weights [{outputs}, {inputs}] and a bias [{outputs}], " +
                                        $"got [{weight.Length}] and [{bias.Length}]");
        (_inputs, _outputs) = (inputs, outputs);
        _lanes = Vector512.IsHardwareAccelerated ? Vector512<T>.Count : Vector256.IsHardwareAccelerated ? Vector256<T>.Count : 1;
        _vectors = (outputs + _lanes - 1) / _lanes;
        int padded = _vectors * _lanes;
        _weights = AlignedWeights.Allocate<T>(padded * inputs, out _start);
        _bias = new T[padded];
        _out = new T[padded];
        for (int first = 0; first < _vectors; first += 4)
        {
            int count = Math.Min(4, _vectors - first);
            for (int k = 0; k < inputs; k++)
                for (int j = 0; j < count; j++)
                    for (int lane = 0; lane < _lanes; lane++)
                    {
                        int row = (first + j) * _lanes + lane;
                        if (row < outputs)
                            _weights[_start + first * _lanes * inputs + (k * count + j) * _lanes + lane] = T.CreateTruncating(weight[row * inputs + k]);
                    }
        }
        for (int row = 0; row < outputs; row++) _bias[row] = T.CreateTruncating(bias[row]);
    }

    /// <summary>The length of x.</summary>
    public int Inputs => _inputs;

    /// <summary>The length of y.</summary>
    public int Outputs => _outputs;

    /// <summary>The SIMD width in values of <typeparamref name="T"/> chosen for this CPU (1: scalar).</summary>
    public int Lanes => _lanes;

    /// <summary>Writes W x + b into <paramref name="y"/> (<see cref="Outputs"/> values).</summary>
    /// <exception cref="ArgumentException">The spans do not have the layer's sizes.</exception>
    public void Apply(ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length != _inputs || y.Length != _outputs)
            throw new ArgumentException($"the dense layer maps {_inputs} inputs to {_outputs} outputs, got {x.Length} and {y.Length}");
        if (_lanes == 1) Accumulate<Lanes1<T>, T>(x);
        else if (Vector512.IsHardwareAccelerated) Accumulate<Lanes512<T>, Vector512<T>>(x);
        else Accumulate<Lanes256<T>, Vector256<T>>(x);
        _out.AsSpan(0, _outputs).CopyTo(y);
    }

    private void Accumulate<TLanes, TVector>(ReadOnlySpan<T> input) where TLanes : struct, ILanes<TVector, T>
    {
        ref T w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), _start);
        ref T b = ref MemoryMarshal.GetArrayDataReference(_bias);
        ref T o = ref MemoryMarshal.GetArrayDataReference(_out);
        ref T x = ref MemoryMarshal.GetReference(input);
        int v = TLanes.Count, columns = _inputs;
        int first = 0;
        for (; first + 4 <= _vectors; first += 4)
        {
            nuint at = (nuint)(first * v * columns), row = (nuint)(first * v), stride = (nuint)(4 * v);
            TVector a0 = TLanes.Load(ref b, row), a1 = TLanes.Load(ref b, row + (nuint)v),
                a2 = TLanes.Load(ref b, row + (nuint)(2 * v)), a3 = TLanes.Load(ref b, row + (nuint)(3 * v));
            for (int k = 0; k < columns; k++, at += stride)
            {
                var xk = TLanes.Broadcast(Unsafe.Add(ref x, k));
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, at), xk, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)v), xk, a1);
                a2 = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(2 * v)), xk, a2);
                a3 = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(3 * v)), xk, a3);
            }
            TLanes.Store(a0, ref o, row);
            TLanes.Store(a1, ref o, row + (nuint)v);
            TLanes.Store(a2, ref o, row + (nuint)(2 * v));
            TLanes.Store(a3, ref o, row + (nuint)(3 * v));
        }
        int left = _vectors - first;
        if (left == 0) return;
        {
            nuint at = (nuint)(first * v * columns), row = (nuint)(first * v), stride = (nuint)(left * v);
            TVector a0 = TLanes.Load(ref b, row), a1 = left > 1 ? TLanes.Load(ref b, row + (nuint)v) : a0,
                a2 = left > 2 ? TLanes.Load(ref b, row + (nuint)(2 * v)) : a0;
            if (left == 3)
                for (int k = 0; k < columns; k++, at += stride)
                {
                    var xk = TLanes.Broadcast(Unsafe.Add(ref x, k));
                    a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, at), xk, a0);
                    a1 = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)v), xk, a1);
                    a2 = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(2 * v)), xk, a2);
                }
            else if (left == 2)
                for (int k = 0; k < columns; k++, at += stride)
                {
                    var xk = TLanes.Broadcast(Unsafe.Add(ref x, k));
                    a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, at), xk, a0);
                    a1 = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)v), xk, a1);
                }
            else
                for (int k = 0; k < columns; k++, at += stride)
                    a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, at), TLanes.Broadcast(Unsafe.Add(ref x, k)), a0);
            TLanes.Store(a0, ref o, row);
            if (left > 1) TLanes.Store(a1, ref o, row + (nuint)v);
            if (left > 2) TLanes.Store(a2, ref o, row + (nuint)(2 * v));
        }
    }
}
