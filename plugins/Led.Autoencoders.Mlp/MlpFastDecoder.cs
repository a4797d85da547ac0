using System.Numerics;
using System.Numerics.Tensors;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// The decoder on plain arrays in the model's precision <typeparamref name="T"/>: each layer y = W x + b
/// (<see cref="DenseLayerKernel{T}"/>; + x when square, the reference's skip), the activation between layers — CELU/ELU
/// max(y, 0) + exp(min(y, 0)) − 1, ReLU max(y, 0) and tanh through <see cref="DecoderPipeline{T}.Activate"/> (one
/// vectorised pass with the library's exponential), SELU λ·(max(y, 0) + min(α(exp(y) − 1), 0)) and SiLU y·σ(y) through
/// TensorPrimitives — and tanhplus after the last. GELU needs
/// erf, which the vector primitives lack: <see cref="Supports"/> is false for it and the autoencoder decodes through its
/// tensor path instead. Buffers are allocated once.
/// </summary>
internal sealed class MlpFastDecoder<T> : IFastDecoder where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T SeluScale = T.CreateTruncating(1.0507009873554804934193349852946);
    private static readonly T SeluAlpha = T.CreateTruncating(1.6732632423543772848170429916717);
    private readonly Activation _activation;
    private readonly DenseLayerKernel<T>[] _layers;
    private readonly T[][] _buffers;
    private readonly T[] _input, _scratch;

    /// <summary>Whether the vectorised path implements <paramref name="activation"/>.</summary>
    public static bool Supports(Activation activation) => activation is not Activation.Gelu;

    public MlpFastDecoder(IReadOnlyList<(double[] Weight, double[] Bias, int In, int Out)> layers, Activation activation)
    {
        if (!Supports(activation)) throw new ArgumentException($"the compiled decoder has no {activation} activation", nameof(activation));
        _activation = activation;
        _layers = layers.Select(l => new DenseLayerKernel<T>(l.In, l.Out, l.Weight, l.Bias)).ToArray();
        _buffers = _layers.Select(l => new T[l.Outputs]).ToArray();
        _input = new T[_layers[0].Inputs];
        _scratch = new T[_layers.Max(l => l.Outputs)];
    }

    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        for (int d = 0; d < _input.Length; d++) _input[d] = T.CreateTruncating(latent[d]);
        ReadOnlySpan<T> x = _input;
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            int m = layer.Outputs;
            var y = _buffers[i].AsSpan();
            layer.Apply(x, y);
            if (layer.Inputs == m) TensorPrimitives.Add(y, x, y);
            if (i == _layers.Length - 1)
                DecoderPipeline<T>.Activate(DecoderActivation.TanhPlus, T.One, y, y);
            else
                Activate(y, _scratch.AsSpan(0, m));
            x = y;
        }
        for (int k = 0; k < x.Length; k++) state[k] = double.CreateTruncating(x[k]);
    }

    private void Activate(Span<T> y, Span<T> scratch)
    {
        switch (_activation)
        {
            case Activation.Celu or Activation.Elu:                 // α = 1: the two agree
                DecoderPipeline<T>.Activate(DecoderActivation.Celu, T.One, y, y);
                break;
            case Activation.Relu:
                DecoderPipeline<T>.Activate(DecoderActivation.Relu, T.One, y, y);
                break;
            case Activation.Tanh:
                DecoderPipeline<T>.Activate(DecoderActivation.Tanh, T.One, y, y);
                break;
            case Activation.Selu:
                TensorPrimitives.Min(y, T.Zero, scratch);
                TensorPrimitives.Exp(scratch, scratch);
                TensorPrimitives.Subtract(scratch, T.One, scratch);
                TensorPrimitives.Multiply(scratch, SeluAlpha, scratch);
                TensorPrimitives.Max(y, T.Zero, y);
                TensorPrimitives.Add(y, scratch, y);
                TensorPrimitives.Multiply(y, SeluScale, y);
                break;
            case Activation.Silu:
                TensorPrimitives.Sigmoid(y, scratch);
                TensorPrimitives.Multiply(y, scratch, y);
                break;
            default:
                throw new InvalidOperationException($"the compiled decoder has no {_activation} activation");
        }
    }
}
