using System.Numerics;
using System.Numerics.Tensors;
using Led.Toolkit.Learning;

namespace Led.Propagators.Lstm;

/// <summary>
/// One LSTM layer (PyTorch semantics): gates = [W_ih | W_hh] [x; h] + b_ih + b_hh with the two weight matrices fused row by
/// row into one matrix–vector product (<see cref="DenseKernels.MatVec{T}"/>), i, f, o = σ, g = tanh, c ← f c + i g,
/// h ← o tanh c. No allocation per step.
/// </summary>
internal sealed class LstmLayer<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _inputs, _hidden;
    private readonly T[] _weights, _bias, _gates, _xh, _c, _tanhC;

    public LstmLayer(int inputs, int hidden, double[] wih, double[] whh, double[] bih, double[] bhh)
    {
        (_inputs, _hidden) = (inputs, hidden);
        int row = inputs + hidden;
        _weights = new T[4 * hidden * row];
        for (int j = 0; j < 4 * hidden; j++)
        {
            for (int d = 0; d < inputs; d++) _weights[j * row + d] = T.CreateTruncating(wih[j * inputs + d]);
            for (int k = 0; k < hidden; k++) _weights[j * row + inputs + k] = T.CreateTruncating(whh[j * hidden + k]);
        }
        _bias = Enumerable.Range(0, 4 * hidden).Select(j => T.CreateTruncating(bih[j] + bhh[j])).ToArray();
        _gates = new T[4 * hidden];
        _xh = new T[row];
        _c = new T[hidden];
        _tanhC = new T[hidden];
    }

    public void Reset()
    {
        Array.Clear(_xh);
        Array.Clear(_c);
    }

    public ReadOnlySpan<T> Step(ReadOnlySpan<T> input)
    {
        int h = _hidden;
        var xh = _xh.AsSpan();
        input.CopyTo(xh);
        DenseKernels.MatVec<T>(_weights, _bias, xh, _gates);
        var gates = _gates.AsSpan();
        Span<T> i = gates[..h], f = gates.Slice(h, h), g = gates.Slice(2 * h, h), o = gates.Slice(3 * h, h);
        TensorPrimitives.Sigmoid(gates[..(2 * h)], gates[..(2 * h)]);
        TensorPrimitives.Tanh(g, g);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(f, _c, _c);
        TensorPrimitives.MultiplyAdd(i, g, _c, _c);
        TensorPrimitives.Tanh(_c, _tanhC);
        var hidden = xh[_inputs..];
        TensorPrimitives.Multiply(o, _tanhC, hidden);
        return hidden;
    }
}
