using System.Numerics;
using System.Numerics.Tensors;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// A 1-D convolutional decoder on plain arrays in the model's precision <typeparamref name="T"/>: a chain of stages, each
/// reading a <c>[channels, width]</c> activation (the flat vector before the reshape) and writing the next into one of two
/// buffers allocated once. Stages: dense layer, elementwise activation, reshape, upsampling (linear or nearest),
/// convolution (<see cref="Conv1dKernel"/> on a zero- or circularly padded copy of its input), per-channel affine map
/// (batch norm with running statistics) and crop. Built by <see cref="ConvDecoderCompiler"/> from the decoder's modules.
/// </summary>
internal sealed class ConvFastDecoder<T> : IFastDecoder where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateTruncating(0.5);
    private readonly List<Stage> _stages = [];
    private readonly int _latentDim;
    private int _channels, _width, _largest, _largestPadded;
    private T[] _front = [], _back = [], _padded = [], _scratch = [];

    /// <summary>Starts a decoder of <paramref name="latentDim"/> inputs (one channel of that width).</summary>
    public ConvFastDecoder(int latentDim)
    {
        _latentDim = latentDim;
        (_channels, _width, _largest) = (1, latentDim, latentDim);
    }

    /// <summary>Channels of the activation after the stages added so far.</summary>
    public int Channels => _channels;

    /// <summary>Width of the activation after the stages added so far.</summary>
    public int Width => _width;

    /// <summary>y = W x + b on the whole activation (flattened), W row-major <c>[out, in]</c>; the result is one channel.</summary>
    public void Dense(double[] weight, double[] bias)
    {
        int input = _channels * _width, output = bias.Length;
        if (weight.Length != input * output) throw new ArgumentException($"dense layer [{output}, {weight.Length / Math.Max(output, 1)}] does not take {input} inputs");
        var layer = new DenseLayerKernel<T>(input, output, weight, bias);
        Add(new Stage((x, y) => layer.Apply(x, y[..output])), 1, output);
    }

    /// <summary>An elementwise activation, in place.</summary>
    public void Activation(DecoderActivation kind, double alpha = 1.0) =>
        Add(new Stage((x, y) => Activate(kind, T.CreateTruncating(alpha), x, y)), _channels, _width);

    /// <summary>Reads the activation as <c>[channels, width]</c> (same size).</summary>
    public void Reshape(int channels, int width)
    {
        if (channels * width != _channels * _width) throw new ArgumentException($"cannot reshape {_channels * _width} values to [{channels}, {width}]");
        Add(new Stage((x, y) => x.CopyTo(y)), channels, width);
    }

    /// <summary>
    /// Upsampling by an integer <paramref name="factor"/> along the width, as PyTorch's <c>Upsample</c> with a scale factor:
    /// linear from the source coordinate (j + ½)/factor − ½ clamped at 0 (or j·(W−1)/(W_out−1) with aligned corners), or
    /// nearest ⌊j/factor⌋.
    /// </summary>
    public void Upsample(int factor, bool linear, bool alignCorners)
    {
        int c = _channels, w = _width, outWidth = w * factor;
        var lower = new int[outWidth];
        var upper = new int[outWidth];
        var weight = new T[outWidth];
        for (int j = 0; j < outWidth; j++)
        {
            if (!linear)
            {
                lower[j] = upper[j] = Math.Min(j / factor, w - 1);
                continue;
            }
            double source = alignCorners ? (outWidth > 1 ? j * (double)(w - 1) / (outWidth - 1) : 0) : Math.Max(0.0, (j + 0.5) / factor - 0.5);
            lower[j] = Math.Min((int)source, w - 1);
            upper[j] = Math.Min(lower[j] + 1, w - 1);
            weight[j] = T.CreateTruncating(source - lower[j]);
        }
        Add(new Stage((x, y) =>
        {
            for (int ch = 0; ch < c; ch++)
            {
                var row = x.Slice(ch * w, w);
                var target = y.Slice(ch * outWidth, outWidth);
                for (int j = 0; j < outWidth; j++)
                    target[j] = row[lower[j]] + weight[j] * (row[upper[j]] - row[lower[j]]);
            }
        }), c, outWidth);
    }

    /// <summary>
    /// A convolution, stride 1: weights <c>[out, in, k]</c>, padding <paramref name="padLeft"/>/<paramref name="padRight"/>
    /// with zeros or wrapped around (circular).
    /// </summary>
    public void Convolution(double[] weight, double[] bias, int outChannels, int kernel, int padLeft, int padRight, bool circular)
    {
        int cin = _channels, w = _width, paddedWidth = w + padLeft + padRight, outWidth = paddedWidth - kernel + 1, rows = Conv1dKernel.PaddedRows(outChannels);
        if (weight.Length != outChannels * cin * kernel) throw new ArgumentException($"convolution weights [{weight.Length}] do not fit [{outChannels}, {cin}, {kernel}]");
        if (outWidth < 1 || (circular && (padLeft > w || padRight > w))) throw new ArgumentException($"kernel {kernel} does not fit width {w} padded by {padLeft}/{padRight}");
        var w4 = new T[rows * cin * kernel];
        var b4 = new T[rows];
        for (int i = 0; i < weight.Length; i++) w4[i] = T.CreateTruncating(weight[i]);
        for (int o = 0; o < outChannels; o++) b4[o] = T.CreateTruncating(bias[o]);
        _largestPadded = Math.Max(_largestPadded, cin * paddedWidth);
        Add(new Stage((x, y) =>
        {
            var padded = _padded.AsSpan(0, cin * paddedWidth);
            for (int ch = 0; ch < cin; ch++)
            {
                var row = x.Slice(ch * w, w);
                var target = padded.Slice(ch * paddedWidth, paddedWidth);
                row.CopyTo(target[padLeft..]);
                if (circular)
                {
                    row[(w - padLeft)..].CopyTo(target);
                    row[..padRight].CopyTo(target[(padLeft + w)..]);
                }
                else
                {
                    target[..padLeft].Clear();
                    target[(padLeft + w)..].Clear();
                }
            }
            Conv1dKernel.Convolve<T>(padded, cin, paddedWidth, w4, b4, kernel, y);
        }), outChannels, outWidth, rows * outWidth);
    }

    /// <summary>y[c, ·] = scale[c]·x[c, ·] + shift[c] (batch norm in evaluation: scale = γ/√(var + ε), shift = β − mean·scale).</summary>
    public void ChannelAffine(double[] scale, double[] shift)
    {
        int c = _channels, w = _width;
        if (scale.Length != c || shift.Length != c) throw new ArgumentException($"per-channel map of {scale.Length} channels does not fit {c}");
        var (a, b) = (Convert(scale), Convert(shift));
        Add(new Stage((x, y) =>
        {
            for (int ch = 0; ch < c; ch++)
            {
                var target = y.Slice(ch * w, w);
                TensorPrimitives.Multiply(x.Slice(ch * w, w), a[ch], target);
                TensorPrimitives.Add(target, b[ch], target);
            }
        }), c, w);
    }

    /// <summary>Keeps positions <paramref name="start"/> … <paramref name="start"/> + <paramref name="width"/> − 1 of every channel.</summary>
    public void Crop(int start, int width)
    {
        int c = _channels, w = _width;
        if (start < 0 || start + width > w) throw new ArgumentException($"crop {start}+{width} does not fit width {w}");
        Add(new Stage((x, y) =>
        {
            for (int ch = 0; ch < c; ch++) x.Slice(ch * w + start, width).CopyTo(y.Slice(ch * width, width));
        }), c, width);
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        if (_front.Length == 0) Allocate();
        if (latent.Length != _latentDim || state.Length != _channels * _width)
            throw new ArgumentException($"the decoder maps {_latentDim} latent values to {_channels * _width} state values, but got {latent.Length} and {state.Length}");
        for (int d = 0; d < latent.Length; d++) _front[d] = T.CreateTruncating(latent[d]);
        int size = _latentDim;
        foreach (var stage in _stages)
        {
            stage.Run(_front.AsSpan(0, size), _back);
            (_front, _back) = (_back, _front);
            size = stage.Size;
        }
        for (int k = 0; k < size; k++) state[k] = double.CreateTruncating(_front[k]);
    }

    private void Allocate()
    {
        _front = new T[_largest];
        _back = new T[_largest];
        _padded = new T[Math.Max(_largestPadded, 1)];
        _scratch = new T[_largest];
    }

    /// <param name="written">Values the stage writes (its output and, for a convolution, the padding rows of its last block).</param>
    private void Add(Stage stage, int channels, int width, int written = 0)
    {
        stage.Size = channels * width;
        _stages.Add(stage);
        (_channels, _width) = (channels, width);
        _largest = Math.Max(_largest, Math.Max(stage.Size, written));
    }

    private void Activate(DecoderActivation kind, T alpha, ReadOnlySpan<T> x, Span<T> y)
    {
        y = y[..x.Length];
        switch (kind)
        {
            case DecoderActivation.Identity:
                x.CopyTo(y);
                break;
            case DecoderActivation.Relu:
                TensorPrimitives.Max(x, T.Zero, y);
                break;
            case DecoderActivation.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case DecoderActivation.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            case DecoderActivation.TanhPlus:
                TensorPrimitives.Tanh(x, y);
                TensorPrimitives.Multiply(y, Half, y);
                TensorPrimitives.Add(y, Half, y);
                break;
            case DecoderActivation.Celu or DecoderActivation.Elu:
                // max(0, x) + α(exp(min(0, x)/s) − 1), s = α for CELU and 1 for ELU (PyTorch's definitions), vectorised.
                var negative = _scratch.AsSpan(0, x.Length);
                TensorPrimitives.Min(x, T.Zero, negative);
                if (kind == DecoderActivation.Celu) TensorPrimitives.Divide(negative, alpha, negative);
                TensorPrimitives.Exp(negative, negative);
                TensorPrimitives.Subtract(negative, T.One, negative);
                TensorPrimitives.Multiply(negative, alpha, negative);
                TensorPrimitives.Max(x, T.Zero, y);
                TensorPrimitives.Add(y, negative, y);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation");
        }
    }

    private static T[] Convert(double[] values) => values.Select(T.CreateTruncating).ToArray();

    private sealed class Stage(SpanAction run)
    {
        public int Size { get; set; }

        public void Run(ReadOnlySpan<T> x, Span<T> y) => run(x, y);
    }

    private delegate void SpanAction(ReadOnlySpan<T> x, Span<T> y);
}
