using System.Numerics;
using System.Numerics.Tensors;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Propagators.Mlp;

/// <summary>
/// The trained network on plain arrays for one trajectory, in the model's precision <typeparamref name="T"/>: each hidden
/// layer y = act(W x + b) (<see cref="DenseLayerKernel{T}"/>, CELU as max(y, exp(min(y, 0)) − 1), tanh or ReLU,
/// vectorised), then the head with the configured output. Markovian, so <see cref="Reset"/> has nothing to clear. No
/// allocation per step.
/// </summary>
internal sealed class MlpFastStep<T> : IFastLatentStep where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DenseLayerKernel<T>[] _layers;
    private readonly T[][] _buffers;
    private readonly T[] _input, _scratch;
    private readonly MlpActivation _activation;
    private readonly bool _tanhplus, _residual;

    /// <param name="layers">Row-major weights and biases of the hidden layers, then the head.</param>
    public MlpFastStep(IReadOnlyList<(double[] Weight, double[] Bias)> layers, int latentDim, MlpActivation activation, bool tanhplus, bool residual)
    {
        _layers = new DenseLayerKernel<T>[layers.Count];
        for (int i = 0, inputs = latentDim; i < layers.Count; inputs = layers[i].Bias.Length, i++)
            _layers[i] = new DenseLayerKernel<T>(inputs, layers[i].Bias.Length, layers[i].Weight, layers[i].Bias);
        _buffers = _layers.Select(l => new T[l.Outputs]).ToArray();
        _input = new T[latentDim];
        _scratch = new T[_layers.Max(l => l.Outputs)];
        (_activation, _tanhplus, _residual) = (activation, tanhplus, residual);
    }

    public void Reset()
    {
    }

    public void Step(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int d = 0; d < _input.Length; d++) _input[d] = T.CreateTruncating(input[d]);
        ReadOnlySpan<T> x = _input;
        for (int i = 0; i < _layers.Length; i++)
        {
            var y = _buffers[i].AsSpan();
            _layers[i].Apply(x, y);
            if (i < _layers.Length - 1) Activate(y);
            x = y;
        }
        for (int d = 0; d < _input.Length; d++)
        {
            double y = double.CreateTruncating(x[d]);
            if (_residual && _tanhplus) y += Math.Atanh(2 * Math.Clamp(input[d], 1e-6, 1 - 1e-6) - 1);
            output[d] = _tanhplus ? 0.5 + 0.5 * Math.Tanh(y) : _residual ? input[d] + y : y;
        }
    }

    private void Activate(Span<T> y)
    {
        switch (_activation)
        {
            case MlpActivation.Celu:
                var negative = _scratch.AsSpan(0, y.Length);
                TensorPrimitives.Min(y, T.Zero, negative);
                TensorPrimitives.Exp(negative, negative);
                TensorPrimitives.Subtract(negative, T.One, negative);
                TensorPrimitives.Max(y, negative, y);
                break;
            case MlpActivation.Tanh:
                TensorPrimitives.Tanh(y, y);
                break;
            default:
                TensorPrimitives.Max(y, T.Zero, y);
                break;
        }
    }
}
