using System.Numerics.Tensors;
using Led.Abstractions.Learning;

namespace Led.Propagators.Lstm;

/// <summary>
/// The trained LSTM and head on plain arrays for one trajectory: gates = W_ih x + W_hh h + b (rows contiguous, SIMD dot
/// products), i, f, o = σ, g = tanh, c ← f c + i g, h ← o tanh c, then the head with the configured output. No
/// allocation per step.
/// </summary>
internal sealed class LstmFastStep : IFastLatentStep
{
    private readonly int _dz, _hidden;
    private readonly double[] _wih, _whh, _bias, _whead, _bhead, _gates, _h, _c, _linear;
    private readonly bool _tanhplus, _residual;

    public LstmFastStep(int dz, int hidden, double[] wih, double[] whh, double[] bih, double[] bhh, double[] whead, double[] bhead, bool tanhplus, bool residual)
    {
        (_dz, _hidden, _wih, _whh, _whead, _bhead, _tanhplus, _residual) = (dz, hidden, wih, whh, whead, bhead, tanhplus, residual);
        _bias = new double[4 * hidden];
        TensorPrimitives.Add(bih, bhh, _bias);
        _gates = new double[4 * hidden];
        _h = new double[hidden];
        _c = new double[hidden];
        _linear = new double[dz];
    }

    public void Reset()
    {
        Array.Clear(_h);
        Array.Clear(_c);
    }

    public void Step(ReadOnlySpan<double> input, Span<double> output)
    {
        int h = _hidden;
        for (int j = 0; j < 4 * h; j++)
            _gates[j] = _bias[j] + TensorPrimitives.Dot(_wih.AsSpan(j * _dz, _dz), input) + TensorPrimitives.Dot(_whh.AsSpan(j * h, h), (ReadOnlySpan<double>)_h);
        var gates = _gates.AsSpan();
        TensorPrimitives.Sigmoid(gates[..(2 * h)], gates[..(2 * h)]);
        TensorPrimitives.Tanh(gates.Slice(2 * h, h), gates.Slice(2 * h, h));
        TensorPrimitives.Sigmoid(gates.Slice(3 * h, h), gates.Slice(3 * h, h));
        for (int k = 0; k < h; k++)
        {
            _c[k] = gates[h + k] * _c[k] + gates[k] * gates[2 * h + k];
            _h[k] = gates[3 * h + k] * Math.Tanh(_c[k]);
        }
        for (int d = 0; d < _dz; d++) _linear[d] = _bhead[d] + TensorPrimitives.Dot(_whead.AsSpan(d * h, h), (ReadOnlySpan<double>)_h);
        for (int d = 0; d < _dz; d++)
        {
            double y = _linear[d];
            if (_residual && _tanhplus) y += Math.Atanh(2 * Math.Clamp(input[d], 1e-6, 1 - 1e-6) - 1);
            output[d] = _tanhplus ? 0.5 + 0.5 * Math.Tanh(y) : _residual ? input[d] + y : y;
        }
    }
}
