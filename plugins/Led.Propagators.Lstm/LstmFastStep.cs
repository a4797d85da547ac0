using System.Numerics;
using System.Numerics.Tensors;
using Led.Abstractions.Learning;

namespace Led.Propagators.Lstm;

/// <summary>
/// The trained recurrent layers and head on plain arrays for one trajectory, in the model's precision
/// <typeparamref name="T"/>: the input runs through the stacked <see cref="IRecurrentLayer{T}"/>s (<see cref="LstmLayer{T}"/>
/// or <see cref="GruLayer{T}"/>), each reading the previous one's new hidden state, then the head maps the last hidden
/// state with the configured output. No allocation per step. In float32 the weights take half the cache, which is what
/// bounds a 256-unit step.
/// </summary>
internal sealed class LstmFastStep<T> : IFastLatentStep where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _dz, _hidden;
    private readonly IRecurrentLayer<T>[] _layers;
    private readonly T[] _x, _whead, _bhead;
    private readonly bool _tanhplus, _residual;

    public LstmFastStep(int dz, int hidden, IRecurrentLayer<T>[] layers, double[] whead, double[] bhead, bool tanhplus, bool residual)
    {
        (_dz, _hidden, _layers, _tanhplus, _residual) = (dz, hidden, layers, tanhplus, residual);
        _x = new T[dz];
        _whead = whead.Select(T.CreateTruncating).ToArray();
        _bhead = bhead.Select(T.CreateTruncating).ToArray();
    }

    public void Reset()
    {
        foreach (var layer in _layers) layer.Reset();
    }

    public void Step(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int d = 0; d < _dz; d++) _x[d] = T.CreateTruncating(input[d]);
        ReadOnlySpan<T> hidden = _x;
        foreach (var layer in _layers) hidden = layer.Step(hidden);
        for (int d = 0; d < _dz; d++)
        {
            double y = double.CreateTruncating(_bhead[d] + TensorPrimitives.Dot(_whead.AsSpan(d * _hidden, _hidden), hidden));
            if (_residual && _tanhplus) y += Math.Atanh(2 * Math.Clamp(input[d], 1e-6, 1 - 1e-6) - 1);
            output[d] = _tanhplus ? 0.5 + 0.5 * Math.Tanh(y) : _residual ? input[d] + y : y;
        }
    }
}
