using System.Numerics;
using System.Numerics.Tensors;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// The decoder on plain arrays in the model's precision <typeparamref name="T"/>: each layer y = W x + b (+ x when square,
/// the reference's skip), CELU between layers — max(y, exp(min(y, 0)) − 1), vectorised — and tanhplus after the last.
/// Buffers are allocated once.
/// </summary>
internal sealed class MlpFastDecoder<T> : IFastDecoder where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateTruncating(0.5);
    private readonly (T[] Weight, T[] Bias, int In, int Out)[] _layers;
    private readonly T[][] _buffers;
    private readonly T[] _input, _scratch;

    public MlpFastDecoder(IReadOnlyList<(double[] Weight, double[] Bias, int In, int Out)> layers)
    {
        _layers = layers.Select(l => (l.Weight.Select(T.CreateTruncating).ToArray(), l.Bias.Select(T.CreateTruncating).ToArray(), l.In, l.Out)).ToArray();
        _buffers = _layers.Select(l => new T[l.Out]).ToArray();
        _input = new T[_layers[0].In];
        _scratch = new T[_layers.Max(l => l.Out)];
    }

    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        for (int d = 0; d < _input.Length; d++) _input[d] = T.CreateTruncating(latent[d]);
        ReadOnlySpan<T> x = _input;
        for (int i = 0; i < _layers.Length; i++)
        {
            var (w, b, n, m) = _layers[i];
            var y = _buffers[i].AsSpan();
            DenseKernels.MatVec<T>(w, b, x, y);
            if (n == m) TensorPrimitives.Add(y, x, y);
            if (i == _layers.Length - 1)
            {
                TensorPrimitives.Tanh(y, y);
                TensorPrimitives.Multiply(y, Half, y);
                TensorPrimitives.Add(y, Half, y);
            }
            else
            {
                var negative = _scratch.AsSpan(0, m);
                TensorPrimitives.Min(y, T.Zero, negative);
                TensorPrimitives.Exp(negative, negative);
                TensorPrimitives.Subtract(negative, T.One, negative);
                TensorPrimitives.Max(y, negative, y);
            }
            x = y;
        }
        for (int k = 0; k < x.Length; k++) state[k] = double.CreateTruncating(x[k]);
    }
}
