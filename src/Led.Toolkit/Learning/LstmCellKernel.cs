using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Led.Toolkit.Learning.Simd;

namespace Led.Toolkit.Learning;

/// <summary>
/// One LSTM cell step (PyTorch semantics, gate order i, f, g, o) for one trajectory, for compiled inference paths.
/// Scheme: the gate pre-activations a = [W_ih | W_hh] [x; h] + b_ih + b_hh are computed V hidden units at a time (V the
/// SIMD width): for each column k of [x; h] the value is broadcast once and multiplied by fused multiply-adds into four
/// accumulators, one per gate, each holding that gate's V units, so no horizontal sums are needed and every loaded input
/// value serves 4·V rows. The weights are packed once, at construction, as <c>[unit block, column, gate, lane]</c>, so a
/// block streams them linearly. When a block's columns are done its gates are finished in registers:
/// i, f, o = σ(a) = 1 / (1 + e^−a), g = tanh a = 1 − 2 / (e^{2a} + 1), c ← f c + i g, h ← o tanh c.
/// The width is chosen at run time: 512 bits where accelerated, else 256 bits, else one value at a time. Hidden units are
/// padded to a multiple of V with zero weights (their c and h stay 0).
/// </summary>
public sealed class LstmCellKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _inputs, _hidden, _lanes, _blocks;
    private readonly T[] _weights, _bias, _xh, _c, _h;

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
        _weights = new T[_blocks * columns * 4 * _lanes];
        _bias = new T[_blocks * 4 * _lanes];
        for (int gate = 0; gate < 4; gate++)
            for (int unit = 0; unit < hidden; unit++)
            {
                int row = gate * hidden + unit, block = unit / _lanes, lane = unit % _lanes;
                _bias[(block * 4 + gate) * _lanes + lane] = T.CreateTruncating(biasIh[row] + biasHh[row]);
                for (int k = 0; k < columns; k++)
                {
                    double w = k < inputs ? weightIh[row * inputs + k] : weightHh[row * hidden + k - inputs];
                    _weights[((block * columns + k) * 4 + gate) * _lanes + lane] = T.CreateTruncating(w);
                }
            }
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
        ref T w = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref T b = ref MemoryMarshal.GetArrayDataReference(_bias);
        ref T xh = ref MemoryMarshal.GetArrayDataReference(_xh);
        ref T c = ref MemoryMarshal.GetArrayDataReference(_c);
        ref T h = ref MemoryMarshal.GetArrayDataReference(_h);
        int v = TLanes.Count, columns = _xh.Length;
        nuint stride = (nuint)(4 * v), at = 0;
        for (int block = 0; block < _blocks; block++)
        {
            nuint bias = (nuint)(block * 4 * v);
            TVector ai = TLanes.Load(ref b, bias), af = TLanes.Load(ref b, bias + (nuint)v),
                ag = TLanes.Load(ref b, bias + (nuint)(2 * v)), ao = TLanes.Load(ref b, bias + (nuint)(3 * v));
            for (int k = 0; k < columns; k++, at += stride)
            {
                var x = TLanes.Broadcast(System.Runtime.CompilerServices.Unsafe.Add(ref xh, k));
                ai = TLanes.MultiplyAdd(TLanes.Load(ref w, at), x, ai);
                af = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)v), x, af);
                ag = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(2 * v)), x, ag);
                ao = TLanes.MultiplyAdd(TLanes.Load(ref w, at + (nuint)(3 * v)), x, ao);
            }
            nuint unit = (nuint)(block * v);
            var cell = TLanes.MultiplyAdd(TLanes.Sigmoid(af), TLanes.Load(ref c, unit), TLanes.Multiply(TLanes.Sigmoid(ai), TLanes.Tanh(ag)));
            TLanes.Store(cell, ref c, unit);
            TLanes.Store(TLanes.Multiply(TLanes.Sigmoid(ao), TLanes.Tanh(cell)), ref h, unit);
        }
    }
}
