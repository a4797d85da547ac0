using System.Numerics;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// A 1-D convolutional decoder on plain arrays in the model's precision <typeparamref name="T"/>: a chain of stages, each
/// reading a <c>[channels, width]</c> activation (the flat vector before the reshape) and writing the next into one of two
/// buffers allocated once. Stages: dense layer, elementwise activation, reshape, upsampling (linear or nearest),
/// convolution (<see cref="Conv1dKernel"/> on a zero- or circularly padded copy of its input), per-channel affine map
/// (batch norm with running statistics) and crop, run by a <see cref="DecoderPipeline{T}"/>. Built by
/// <see cref="ConvDecoderCompiler"/> from the decoder's modules.
/// </summary>
internal sealed class ConvFastDecoder<T> : IFastDecoder, IDecoderStages where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DecoderPipeline<T> _pipeline;
    private int _channels, _width, _largestPadded;
    private T[] _padded = [];

    /// <summary>Starts a decoder of <paramref name="latentDim"/> inputs (one channel of that width).</summary>
    public ConvFastDecoder(int latentDim)
    {
        _pipeline = new DecoderPipeline<T>(latentDim);
        (_channels, _width) = (1, latentDim);
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
        Add((x, y) => layer.Apply(x, y[..output]), 1, output);
    }

    /// <summary>An elementwise activation, in place.</summary>
    public void Activation(DecoderActivation kind, double alpha = 1.0) => _pipeline.Activation(kind, alpha);

    /// <summary>Reads the activation as <c>[channels, width]</c> (same size).</summary>
    public void Reshape(int channels, int width)
    {
        if (channels * width != _channels * _width) throw new ArgumentException($"cannot reshape {_channels * _width} values to [{channels}, {width}]");
        Add((x, y) => x.CopyTo(y), channels, width);
    }

    /// <summary>
    /// Upsampling by an integer <paramref name="factor"/> along the width, as PyTorch's <c>Upsample</c> with a scale factor:
    /// linear from the source coordinate (j + ½)/factor − ½ clamped at 0 (or j·(W−1)/(W_out−1) with aligned corners), or
    /// nearest ⌊j/factor⌋.
    /// </summary>
    public void Upsample(int factor, bool linear, bool alignCorners)
    {
        int c = _channels, w = _width, outWidth = w * factor;
        var axis = UpsampleAxis.Create(w, factor, linear, alignCorners);
        var (lower, upper, weight) = (axis.Lower, axis.Upper, axis.Weight.Select(T.CreateTruncating).ToArray());
        Add((x, y) =>
        {
            for (int ch = 0; ch < c; ch++)
            {
                var row = x.Slice(ch * w, w);
                var target = y.Slice(ch * outWidth, outWidth);
                for (int j = 0; j < outWidth; j++)
                    target[j] = row[lower[j]] + weight[j] * (row[upper[j]] - row[lower[j]]);
            }
        }, c, outWidth);
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
        Add((x, y) =>
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
        }, outChannels, outWidth, rows * outWidth);
    }

    /// <summary>y[c, ·] = scale[c]·x[c, ·] + shift[c] (batch norm in evaluation: scale = γ/√(var + ε), shift = β − mean·scale).</summary>
    public void ChannelAffine(double[] scale, double[] shift) => _pipeline.ChannelAffine(scale, shift, _width);

    /// <summary>Keeps positions <paramref name="start"/> … <paramref name="start"/> + <paramref name="width"/> − 1 of every channel.</summary>
    public void Crop(int start, int width)
    {
        int c = _channels, w = _width;
        if (start < 0 || start + width > w) throw new ArgumentException($"crop {start}+{width} does not fit width {w}");
        Add((x, y) =>
        {
            for (int ch = 0; ch < c; ch++) x.Slice(ch * w + start, width).CopyTo(y.Slice(ch * width, width));
        }, c, width);
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<double> latent, Span<double> state)
    {
        if (_padded.Length == 0) _padded = new T[Math.Max(_largestPadded, 1)];
        _pipeline.Run(latent, state);
    }

    /// <param name="written">Values the stage writes (its output and, for a convolution, the padding rows of its last block).</param>
    private void Add(SpanMap<T> stage, int channels, int width, int written = 0)
    {
        _pipeline.Add(stage, channels * width, written);
        (_channels, _width) = (channels, width);
    }
}
