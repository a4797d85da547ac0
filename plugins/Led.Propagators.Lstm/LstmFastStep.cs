using System.Numerics;
using System.Numerics.Tensors;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Propagators.Lstm;

/// <summary>
/// The trained LSTM and head on plain arrays for one trajectory, in the model's precision <typeparamref name="T"/>:
/// gates = [W_ih | W_hh] [x; h] + b with the two weight matrices fused row by row into one matrix–vector product
/// (<see cref="DenseKernels.MatVec{T}"/>), i, f, o = σ, g = tanh, c ← f c + i g, h ← o tanh c, then the head with the configured output. No
/// allocation per step. In float32 the weights take half the cache, which is what bounds a 256-unit step.
/// </summary>
internal sealed class LstmFastStep<T> : IFastLatentStep where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _dz, _hidden, _row;
    private readonly T[] _weights, _bias, _whead, _bhead, _gates, _xh, _c, _tanhC;
    private readonly bool _tanhplus, _residual;

    public LstmFastStep(int dz, int hidden, double[] wih, double[] whh, double[] bih, double[] bhh, double[] whead, double[] bhead, bool tanhplus, bool residual)
    {
        (_dz, _hidden, _row, _tanhplus, _residual) = (dz, hidden, dz + hidden, tanhplus, residual);
        _weights = new T[4 * hidden * _row];
        for (int j = 0; j < 4 * hidden; j++)
        {
            for (int d = 0; d < dz; d++) _weights[j * _row + d] = T.CreateTruncating(wih[j * dz + d]);
            for (int k = 0; k < hidden; k++) _weights[j * _row + dz + k] = T.CreateTruncating(whh[j * hidden + k]);
        }
        _bias = Enumerable.Range(0, 4 * hidden).Select(j => T.CreateTruncating(bih[j] + bhh[j])).ToArray();
        _whead = whead.Select(T.CreateTruncating).ToArray();
        _bhead = bhead.Select(T.CreateTruncating).ToArray();
        _gates = new T[4 * hidden];
        _xh = new T[_row];
        _c = new T[hidden];
        _tanhC = new T[hidden];
    }

    public void Reset()
    {
        Array.Clear(_xh);
        Array.Clear(_c);
    }

    public void Step(ReadOnlySpan<double> input, Span<double> output)
    {
        int h = _hidden;
        var xh = _xh.AsSpan();
        for (int d = 0; d < _dz; d++) xh[d] = T.CreateTruncating(input[d]);
        ReadOnlySpan<T> x = xh;
        DenseKernels.MatVec<T>(_weights, _bias, x, _gates);

        var gates = _gates.AsSpan();
        Span<T> i = gates[..h], f = gates.Slice(h, h), g = gates.Slice(2 * h, h), o = gates.Slice(3 * h, h);
        TensorPrimitives.Sigmoid(gates[..(2 * h)], gates[..(2 * h)]);
        TensorPrimitives.Tanh(g, g);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(f, _c, _c);
        TensorPrimitives.MultiplyAdd(i, g, _c, _c);
        TensorPrimitives.Tanh(_c, _tanhC);
        var hidden = xh[_dz..];
        TensorPrimitives.Multiply(o, _tanhC, hidden);

        for (int d = 0; d < _dz; d++)
        {
            double y = double.CreateTruncating(_bhead[d] + TensorPrimitives.Dot(_whead.AsSpan(d * h, h), (ReadOnlySpan<T>)hidden));
            if (_residual && _tanhplus) y += Math.Atanh(2 * Math.Clamp(input[d], 1e-6, 1 - 1e-6) - 1);
            output[d] = _tanhplus ? 0.5 + 0.5 * Math.Tanh(y) : _residual ? input[d] + y : y;
        }
    }
}
