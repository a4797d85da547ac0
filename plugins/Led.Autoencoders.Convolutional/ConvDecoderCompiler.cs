using System.Globalization;
using System.Numerics;
using Led.Toolkit.Learning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// Builds a <see cref="ConvFastDecoder{T}"/> by walking the decoder's modules (<see cref="ConvDecoderLayout"/>) and reading
/// their weights and hyper-parameters, so that it follows whatever the options build. Known: Linear, Conv1d (stride 1,
/// dilation 1, one group; zero or circular padding), ConvTranspose1d (stride 1, dilation 1, one group, no output padding:
/// a convolution with the kernel flipped, the channels swapped and k − 1 − p zeros each side), Upsample (integer scale,
/// linear or nearest), BatchNorm1d (running statistics: the evaluation-mode map), Identity, CELU, ELU, ReLU, Tanh,
/// Sigmoid and tanhplus. Any other module, or a known one with other settings, makes it refuse with the reason.
/// </summary>
internal static class ConvDecoderCompiler
{
    /// <summary>
    /// The compiled decoder, or null with <paramref name="refusal"/> naming the module it does not cover (or whose shapes
    /// do not follow from the modules before it).
    /// </summary>
    public static ConvFastDecoder<T>? Compile<T>(ConvDecoderLayout layout, int latentDim, out string? refusal)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        DecoderModules.Compile(() => (Build<T>(layout, latentDim, out var reason), reason), out refusal);

    private static ConvFastDecoder<T>? Build<T>(ConvDecoderLayout layout, int latentDim, out string? refusal)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var decoder = new ConvFastDecoder<T>(latentDim);
        refusal = layout.Head.Select(m => Add(decoder, m, head: true)).FirstOrDefault(r => r is not null);
        if (refusal is not null) return null;
        if (decoder.Channels * decoder.Width != layout.Channels * layout.Width)
        {
            refusal = $"the head gives {decoder.Channels * decoder.Width} values, not [{layout.Channels}, {layout.Width}]";
            return null;
        }
        decoder.Reshape(layout.Channels, layout.Width);
        refusal = layout.Body.Select(m => Add(decoder, m, head: false)).FirstOrDefault(r => r is not null);
        if (refusal is not null) return null;
        if (layout.CropStart + layout.CropWidth > decoder.Width)
        {
            refusal = $"the decoder's output width {decoder.Width} is narrower than the crop {layout.CropStart}+{layout.CropWidth}";
            return null;
        }
        if (layout.CropStart != 0 || layout.CropWidth != decoder.Width) decoder.Crop(layout.CropStart, layout.CropWidth);
        return decoder;
    }

    /// <summary>Appends the stage of <paramref name="module"/>; the reason when it cannot.</summary>
    private static string? Add<T>(ConvFastDecoder<T> decoder, nn.Module module, bool head) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (DecoderModules.TryAddCommon(decoder, module, before: head)) return null;
        switch (module)
        {
            case Upsample upsample when !head:
                return AddUpsample(decoder, upsample);
            case ConvTranspose1d transposed when !head:
                return AddTransposed(decoder, transposed);
            case Conv1d conv when !head:
                return AddConvolution(decoder, conv);
            case BatchNorm1d norm when !head:
                return AddBatchNorm(decoder, norm);
            default:
                return $"module {module.GetType().Name} {(head ? "before" : "after")} the reshape is not covered by the compiled decoder";
        }
    }

    private static string? AddUpsample<T>(ConvFastDecoder<T> decoder, Upsample upsample) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (upsample.scale_factor is not [var factor] || factor != Math.Round(factor) || factor < 1 || upsample.size is { Length: > 0 })
            return "Upsample without one integer scale factor";
        if (upsample.mode is not (UpsampleMode.Linear or UpsampleMode.Nearest))
            return $"Upsample mode {upsample.mode}";
        decoder.Upsample((int)factor, upsample.mode == UpsampleMode.Linear, upsample.align_corners ?? false);
        return null;
    }

    private static string? AddConvolution<T>(ConvFastDecoder<T> decoder, Conv1d conv) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Unusual(conv) is { } reason) return reason;
        int k = (int)conv.kernel_size[0];
        long left, right;
        if (conv.padding is [var p]) (left, right) = (p, p);
        else if (conv.padding_type == Padding.Same) (left, right) = ((k - 1) / 2, k - 1 - (k - 1) / 2);
        else if (conv.padding_type == Padding.Valid) (left, right) = (0, 0);
        else return "Conv1d with an unknown padding";
        if (conv.padding_mode is not (PaddingModes.Zeros or PaddingModes.Circular)) return $"Conv1d padding mode {conv.padding_mode}";
        decoder.Convolution(Values(conv.weight), Bias(conv), (int)conv.out_channels, k, (int)left, (int)right, conv.padding_mode == PaddingModes.Circular);
        return null;
    }

    private static string? AddTransposed<T>(ConvFastDecoder<T> decoder, ConvTranspose1d conv) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Unusual(conv) is { } reason) return reason;
        int k = (int)conv.kernel_size[0];
        if (conv.padding is not [var p] || p > k - 1 || conv.output_padding.Any(o => o != 0) || conv.padding_mode != PaddingModes.Zeros)
            return "ConvTranspose1d with output padding, a padding above k − 1 or a non-zero padding mode";
        // weight [in, out, k] → [out, in, k] with the taps reversed.
        int cin = (int)conv.in_channels, cout = (int)conv.out_channels;
        var weight = Values(conv.weight);
        var flipped = new double[weight.Length];
        for (int i = 0; i < cin; i++)
            for (int o = 0; o < cout; o++)
                for (int j = 0; j < k; j++)
                    flipped[(o * cin + i) * k + j] = weight[(i * cout + o) * k + (k - 1 - j)];
        decoder.Convolution(flipped, Bias(conv), cout, k, k - 1 - (int)p, k - 1 - (int)p, circular: false);
        return null;
    }

    private static string? Unusual(Convolution conv) =>
        conv.kernel_size.Length != 1 || conv.stride.Any(s => s != 1) || conv.dilation.Any(d => d != 1) || conv.groups != 1
            ? $"{conv.GetType().Name} with stride, dilation or groups other than 1"
            : null;

    private static string? AddBatchNorm<T>(ConvFastDecoder<T> decoder, BatchNorm1d norm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (DecoderModules.Affine(norm, out var refusal) is not var (scale, shift)) return refusal;
        decoder.ChannelAffine(scale, shift);
        return null;
    }

    private static double[] Bias(Convolution conv) => DecoderModules.Bias(conv);

    private static double[] Values(Tensor tensor) => DecoderModules.Values(tensor);

    /// <summary>The refusal as a log line.</summary>
    public static string Describe(string refusal) =>
        string.Create(CultureInfo.InvariantCulture, $"ConvAutoencoder1D: {refusal}; decoding through TorchSharp instead of the compiled decoder");
}
