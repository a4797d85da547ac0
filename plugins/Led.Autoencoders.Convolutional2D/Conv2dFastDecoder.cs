using System.Numerics;
using Led.Abstractions.Learning;
using Led.Toolkit.Learning;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// A 2-D convolutional decoder on plain arrays in the model's precision <typeparamref name="T"/>, run by a
/// <see cref="DecoderPipeline{T}"/> on <c>[channels, height, width]</c> activations (the flat vector before the reshape
/// is one channel of height 1). Stages: dense layer (<see cref="DenseLayerKernel{T}"/>), elementwise activation,
/// upsampling by integer factors (bilinear or nearest), convolution with stride 1 and transposed convolution with stride 2
/// (<see cref="Conv2dKernel{T}"/>, which pads its own input with zeros or circularly), per-channel affine map (batch norm
/// with running statistics) and crop. A reshape only relabels the shape. Built by <see cref="Conv2dDecoderCompiler"/>.
/// </summary>
internal sealed class Conv2dFastDecoder<T> : IFastDecoder, IDecoderStages where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DecoderPipeline<T> _pipeline;
    private int _channels, _height, _width;

    /// <summary>Starts a decoder of <paramref name="latentDim"/> inputs.</summary>
    public Conv2dFastDecoder(int latentDim)
    {
        _pipeline = new DecoderPipeline<T>(latentDim);
        (_channels, _height, _width) = (1, 1, latentDim);
    }

    /// <summary>Channels of the activation after the stages added so far.</summary>
    public int Channels => _channels;

    /// <summary>Height of the activation after the stages added so far.</summary>
    public int Height => _height;

    /// <summary>Width of the activation after the stages added so far.</summary>
    public int Width => _width;

    /// <summary>y = W x + b on the whole activation (flattened), W row-major <c>[out, in]</c>; the result is one row.</summary>
    public void Dense(double[] weight, double[] bias)
    {
        var layer = new DenseLayerKernel<T>(_channels * _height * _width, bias.Length, weight, bias);
        int outputs = layer.Outputs;
        Add((x, y) => layer.Apply(x, y[..outputs]), 1, 1, outputs);
    }

    /// <summary>An elementwise activation.</summary>
    public void Activation(DecoderActivation kind, double alpha = 1.0) => _pipeline.Activation(kind, alpha);

    /// <summary>Reads the activation as <c>[channels, height, width]</c> (same size; no copy).</summary>
    public void Reshape(int channels, int height, int width)
    {
        if (channels * height * width != _channels * _height * _width)
            throw new ArgumentException($"cannot reshape {_channels * _height * _width} values to [{channels}, {height}, {width}]");
        (_channels, _height, _width) = (channels, height, width);
    }

    /// <summary>
    /// Upsampling by integer factors along y and x, as PyTorch's <c>Upsample</c> with scale factors (<see cref="UpsampleAxis"/>):
    /// bilinear interpolates along x in the two source rows, then between them; nearest copies.
    /// </summary>
    public void Upsample(int factorY, int factorX, bool linear, bool alignCorners)
    {
        int c = _channels, h = _height, w = _width, outHeight = h * factorY, outWidth = w * factorX;
        var (rows, columns) = (UpsampleAxis.Create(h, factorY, linear, alignCorners), UpsampleAxis.Create(w, factorX, linear, alignCorners));
        var (rowWeight, columnWeight) = (rows.Weight.Select(T.CreateTruncating).ToArray(), columns.Weight.Select(T.CreateTruncating).ToArray());
        var (left, right) = (columns.Lower, columns.Upper);
        Add((x, y) =>
        {
            for (int ch = 0; ch < c; ch++)
                for (int i = 0; i < outHeight; i++)
                {
                    var top = x.Slice((ch * h + rows.Lower[i]) * w, w);
                    var bottom = x.Slice((ch * h + rows.Upper[i]) * w, w);
                    var target = y.Slice((ch * outHeight + i) * outWidth, outWidth);
                    T wy = rowWeight[i];
                    for (int j = 0; j < outWidth; j++)
                    {
                        T upper = top[left[j]] + columnWeight[j] * (top[right[j]] - top[left[j]]);
                        T lower = bottom[left[j]] + columnWeight[j] * (bottom[right[j]] - bottom[left[j]]);
                        target[j] = upper + wy * (lower - upper);
                    }
                }
        }, c, outHeight, outWidth);
    }

    /// <summary>
    /// A convolution, stride 1: weights <c>[out, in, kh, kw]</c>, padded by <paramref name="padding"/> (top, bottom, left,
    /// right) with zeros or wrapped around per axis.
    /// </summary>
    public void Convolution(double[] weight, double[] bias, int kernelHeight, int kernelWidth, (int Top, int Bottom, int Left, int Right) padding,
        bool circularY, bool circularX) =>
        Add(Conv2dKernel<T>.Convolution(_channels, _height, _width, kernelHeight, kernelWidth, weight, bias, padding, circularY, circularX));

    /// <summary>A transposed convolution, stride 2: weights <c>[in, out, kh, kw]</c>, zero padding and output padding per axis.</summary>
    public void Transposed(double[] weight, double[] bias, int kernelHeight, int kernelWidth, int paddingY, int paddingX, int outputPaddingY, int outputPaddingX) =>
        Add(Conv2dKernel<T>.Transposed(_channels, _height, _width, kernelHeight, kernelWidth, weight, bias, paddingY, paddingX, outputPaddingY, outputPaddingX));

    /// <summary>y[c, ·] = scale[c]·x[c, ·] + shift[c] (batch norm in evaluation).</summary>
    public void ChannelAffine(double[] scale, double[] shift)
    {
        if (scale.Length != _channels) throw new ArgumentException($"per-channel map of {scale.Length} channels does not fit {_channels}");
        _pipeline.ChannelAffine(scale, shift, _height * _width);
    }

    /// <summary>Keeps rows <paramref name="top"/> … top + <paramref name="height"/> − 1 and columns <paramref name="left"/> … left + <paramref name="width"/> − 1 of every channel.</summary>
    public void Crop(int top, int height, int left, int width)
    {
        int c = _channels, h = _height, w = _width;
        if (top < 0 || left < 0 || top + height > h || left + width > w)
            throw new ArgumentException($"crop of {height} × {width} from ({top}, {left}) does not fit [{h}, {w}]");
        Add((x, y) =>
        {
            for (int ch = 0; ch < c; ch++)
                for (int i = 0; i < height; i++)
                    x.Slice((ch * h + top + i) * w + left, width).CopyTo(y.Slice((ch * height + i) * width, width));
        }, c, height, width);
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<double> latent, Span<double> state) => _pipeline.Run(latent, state);

    private void Add(Conv2dKernel<T> kernel)
    {
        int size = kernel.OutChannels * kernel.OutHeight * kernel.OutWidth;
        Add((x, y) => kernel.Apply(x, y[..size]), kernel.OutChannels, kernel.OutHeight, kernel.OutWidth);
    }

    private void Add(SpanMap<T> stage, int channels, int height, int width)
    {
        _pipeline.Add(stage, channels * height * width);
        (_channels, _height, _width) = (channels, height, width);
    }
}
