using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Led.Toolkit.Learning.Simd;

namespace Led.Toolkit.Learning;

/// <summary>
/// One LSTM cell step (PyTorch semantics, gate order i, f, g, o) for one trajectory, for compiled inference paths.
/// Scheme: the gate pre-activations a = [W_ih | W_hh] [x; h] + b_ih + b_hh are computed V hidden units at a time (V the
/// SIMD width): for each column k of [x; h] the value is broadcast once and multiplied by fused multiply-adds into four
/// accumulators, one per gate, each holding that gate's V units, so no horizontal sums are needed and every loaded input
/// value serves 4·V rows. The weights are packed once, at construction, as <c>[unit block, column, gate, lane]</c> from a
/// 64-byte boundary, so a block streams them linearly without split loads. The blocks are visited in alternating order
/// from step to step, so that the weights read last, still in the cache, are read first next time (a block's sums do not
/// depend on the order). A second pass over the blocks' pre-activations (in L1) finishes the gates:
/// i, f, o = σ(a) = 1 / (1 + e^−a), g = tanh a = 1 − 2 / (e^{2a} + 1), c ← f c + i g, h ← o tanh c; it is kept out of the
/// accumulating loop because the vector exponential is a call, across which the accumulators would leave the registers.
/// The width is chosen at run time: 512 bits where accelerated, else 256 bits, else one value at a time. Hidden units are
/// padded to a multiple of V with zero weights (their c and h stay 0).
/// </summary>
public sealed class LstmCellKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _inputs, _hidden, _lanes, _blocks, _start;
    private readonly T[] _weights, _bias, _gates, _xh, _c, _h;
    private bool _backward;

    /// <summary>Packs one layer's PyTorch parameters: <c>weight_ih [4H, inputs]</c>, <c>weight_hh [4H, H]</c>, <c>bias_ih</c> and <c>bias_hh [4H]</c>.</summary>
    /// <exception cref="ArgumentException">The parameters do not fit <paramref name="inputs"/> and <paramref name="hidden"/>.</exception>
    public LstmCellKernel(int inputs, int hidden, ReadOnlySpan<double> weightIh, ReadOnlySpan<double> weightHh, ReadOnlySpan<double> biasIh, ReadOnlySpan<double> biasHh)
    {
        if (inputs < 1 || hidden < 1 || weightIh.Length != 4 * hidden * inputs || weightHh.Length != 4 * hidden * hidden
            || biasIh.Length != 4 * hidden || biasHh.Length != 4 * hidden)
            throw new ArgumentException($"an LSTM layer of {hidden} units on {inputs} inputs needs weights [{4 * hidden}, {inputs}] and [{4 * hidden}, {hidden}] and biases [{4 * hidden}]");
        (_inputs, _hidden) = (inputs, hidden);
        _lanes = Vector512.IsHardwareAccelerated ? Vector512<T>.Count : Vector256.IsHardwareAccelerated ? Vector256<T>.Count : 1;
        _blocks = (hidden + _lanes - 1) / _lanes;
        int columns = inputs + hidden, padded = _blocks * _lanes;
        _weights = AlignedWeights.Allocate<T>(_blocks * columns * 4 * _lanes, out _start);
        _bias = new T[_blocks * 4 * _lanes];
        for (int gate = 0; gate < 4; gate++)
            for (int unit = 0; unit < hidden; unit++)
            {
                int row = gate * hidden + unit, block = unit / _lanes, lane = unit % _lanes;
                _bias[(block * 4 + gate) * _lanes + lane] = T.CreateTruncating(biasIh[row] + biasHh[row]);
                for (int k = 0; k < columns; k++)
                {
                    double w = k < inputs ? weightIh[row * inputs + k] : weightHh[row * hidden + k - inputs];
                    _weights[_start + ((block * columns + k) * 4 + gate) * _lanes + lane] = T.CreateTruncating(w);
                }
            }
        _gates = new T[_blocks * 4 * _lanes];
        _xh = new T[columns];
        _c = new T[padded];
        _h = new T[padded];
    }

    /// <summary>Hidden units.</summary>
    public int Hidden => _hidden;

    /// <summary>The SIMD width in values of <typeparamref name="T"/> chosen for this CPU (1: scalar).</summary>
    public int Lanes => _lanes;

    /// <summary>The cell state c (the first <see cref="Hidden"/> values).</summary>
    public ReadOnlySpan<T> Cell => _c.AsSpan(0, _hidden);

    /// <summary>Zeroes h and c (a new trajectory).</summary>
    public void Reset()
    {
        Array.Clear(_xh);
        Array.Clear(_c);
        Array.Clear(_h);
    }

    /// <summary>Advances h and c by <paramref name="input"/> and returns the new h, valid until the next call.</summary>
    /// <exception cref="ArgumentException">The input does not have the layer's input size.</exception>
    public ReadOnlySpan<T> Step(ReadOnlySpan<T> input)
    {
        if (input.Length != _inputs) throw new ArgumentException($"the LSTM layer expects {_inputs} inputs, got {input.Length}");
        input.CopyTo(_xh);
        if (_lanes == 1) Blocks<Lanes1<T>, T>();
        else if (Vector512.IsHardwareAccelerated) Blocks<Lanes512<T>, Vector512<T>>();
        else Blocks<Lanes256<T>, Vector256<T>>();
        var h = _h.AsSpan(0, _hidden);
        h.CopyTo(_xh.AsSpan(_inputs));
        return h;
    }

    private void Blocks<TLanes, TVector>() where TLanes : struct, ILanes<TVector, T>
    {
        Accumulate<TLanes, TVector>();
        Activate<TLanes, TVector>();
    }

    /// <summary>The pre-activations of every block into <c>_gates [block, gate, lane]</c>. Kept free of calls, so that the four accumulators stay in registers.</summary>
    private void Accumulate<TLanes, TVector>() where TLanes : struct, ILanes<TVector, T>
    {
        ref T w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), _start);
        ref T b = ref MemoryMarshal.GetArrayDataReference(_bias);
        ref T xh = ref MemoryMarshal.GetArrayDataReference(_xh);
        ref T gates = ref MemoryMarshal.GetArrayDataReference(_gates);
        int v = TLanes.Count, columns = _xh.Length;
        nuint stride = (nuint)(4 * v), perBlock = (nuint)columns * stride;
        _backward = !_backward;
        for (int n = 0; n < _blocks; n++)
        {
            int block = _backward ? _blocks - 1 - n : n;
            nuint at = (nuint)block * perBlock, first = (nuint)(block * 4 * v);
            TVector ai = TLanes.Load(ref b, first), af = TLanes.Load(ref b, first + (nuint)v),
                ag = TLanes.Load(ref b, first + (nuint)(2 * v)), ao = TLanes.Load(ref b, first + (nuint)(3 * v));
            for (int k = 0; k < columns; k++, at += stride)
            {
                var x = TLanes.Broadcast(Unsafe.Add(ref xh, k));
                ai = TLanes.MultiplyAdd(TLanes.Load(ref w, at), x, ai);
                af = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)v), x, af);
                ag = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(2 * v)), x, ag);
                ao = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(3 * v)), x, ao);
            }
            TLanes.Store(ai, ref gates, first);
            TLanes.Store(af, ref gates, first + (nuint)v);
            TLanes.Store(ag, ref gates, first + (nuint)(2 * v));
            TLanes.Store(ao, ref gates, first + (nuint)(3 * v));
        }
    }

    /// <summary>The gates, c and h of every block from its pre-activations.</summary>
    private void Activate<TLanes, TVector>() where TLanes : struct, ILanes<TVector, T>
    {
        ref T gates = ref MemoryMarshal.GetArrayDataReference(_gates);
        ref T c = ref MemoryMarshal.GetArrayDataReference(_c);
        ref T h = ref MemoryMarshal.GetArrayDataReference(_h);
        int v = TLanes.Count;
        for (int block = 0; block < _blocks; block++)
        {
            nuint first = (nuint)(block * 4 * v), unit = (nuint)(block * v);
            var i = TLanes.Sigmoid(TLanes.Load(ref gates, first));
            var f = TLanes.Sigmoid(TLanes.Load(ref gates, first + (nuint)v));
            var g = TLanes.Tanh(TLanes.Load(ref gates, first + (nuint)(2 * v)));
            var o = TLanes.Sigmoid(TLanes.Load(ref gates, first + (nuint)(3 * v)));
            var cell = TLanes.MultiplyAdd(f, TLanes.Load(ref c, unit), TLanes.Multiply(i, g));
            TLanes.Store(cell, ref c, unit);
            TLanes.Store(TLanes.Multiply(o, TLanes.Tanh(cell)), ref h, unit);
        }
    }
}
