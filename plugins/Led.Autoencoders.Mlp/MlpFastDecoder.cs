using System.Numerics.Tensors;
using Led.Abstractions.Learning;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// The decoder on plain arrays: each layer y = W x + b (+ x when square, the reference's skip), CELU between layers and
/// tanhplus after the last. Buffers are allocated once.
/// </summary>
internal sealed class MlpFastDecoder : IFastDecoder
{
    private readonly (double[] Weight, double[] Bias, int In, int Out)[] _layers;
    private readonly double[][] _buffers;

    public MlpFastDecoder(IReadOnlyList<(double[] Weight, double[] Bias, int In, int Out)> layers)
    {
        _layers = layers.ToArray();
        _buffers = _layers.Select(l => new double[l.Out]).ToArray();
    }

    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        ReadOnlySpan<double> x = latent;
        for (int i = 0; i < _layers.Length; i++)
        {
            var (w, b, n, m) = _layers[i];
            var y = _buffers[i];
            for (int r = 0; r < m; r++) y[r] = b[r] + TensorPrimitives.Dot(w.AsSpan(r * n, n), x);
            if (n == m) TensorPrimitives.Add(y, x, y);
            bool last = i == _layers.Length - 1;
            for (int r = 0; r < m; r++)
                y[r] = last ? 0.5 + 0.5 * Math.Tanh(y[r]) : y[r] > 0 ? y[r] : Math.Exp(y[r]) - 1;
            x = y;
        }
        x.CopyTo(state);
    }
}
