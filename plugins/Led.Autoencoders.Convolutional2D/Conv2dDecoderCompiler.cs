using System.Globalization;
using System.Numerics;
using Led.Toolkit.Learning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// Builds a <see cref="Conv2dFastDecoder{T}"/> by walking the decoder's modules (<see cref="Conv2dDecoderLayout"/>) and
/// reading their weights and hyper-parameters, so that it follows whatever the options build. Known: Linear before the
/// reshape; after it Conv2d (stride 1, dilation 1, one group; zero or circular padding, or none after an AxisPad2d, whose
/// padding it takes over), ConvTranspose2d (dilation 1, one group, zero padding; stride 2 with output padding 0 or 1, or
/// stride 1 without output padding: a convolution with the kernel flipped, the channels swapped and k − 1 − p zeros each
/// side), Upsample (integer scale factors, bilinear or nearest), BatchNorm2d (running statistics: the evaluation-mode
/// map, folded into the weights and bias of a convolution right before it); anywhere Identity, CELU, ELU, ReLU, Tanh,
/// Sigmoid and tanhplus. Refused, with the reason: any other module, a known one with other settings, and the bicubic
/// resize of an input subsampling above 1.
/// </summary>
internal static class Conv2dDecoderCompiler
{
    /// <summary>
    /// The compiled decoder, or null with <paramref name="refusal"/> naming the module it does not cover (or whose shapes
    /// do not follow from the modules before it).
    /// </summary>
    public static Conv2dFastDecoder<T>? Compile<T>(Conv2dDecoderLayout layout, int latentDim, out string? refusal)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        DecoderModules.Compile(() => (Build<T>(layout, latentDim, out var reason), reason), out refusal);

    private static Conv2dFastDecoder<T>? Build<T>(Conv2dDecoderLayout layout, int latentDim, out string? refusal)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var decoder = new Conv2dFastDecoder<T>(latentDim);
        refusal = layout.Head.Select(m => Add(decoder, m, head: true)).FirstOrDefault(r => r is not null);
        if (refusal is not null) return null;
        decoder.Reshape(layout.Channels, layout.Height, layout.Width);
        AxisPad2d? pending = null;
        var body = layout.Body;
        for (int i = 0; i < body.Count; i++)
        {
            var module = body[i];
            if (pending is not null && module is not Conv2d)
            {
                refusal = $"AxisPad2d followed by {module.GetType().Name} instead of a Conv2d";
                return null;
            }
            if (module is AxisPad2d pad)
            {
                pending = pad;
                continue;
            }
            // A batch norm right after a convolution is folded into its weights and bias.
            (double[] Scale, double[] Shift)? norm = null;
            if (module is Convolution && i + 1 < body.Count && body[i + 1] is BatchNorm2d next)
            {
                if ((norm = DecoderModules.Affine(next, out refusal)) is null) return null;
                i++;
            }
            refusal = module switch
            {
                Conv2d conv => AddConvolution(decoder, conv, pending, norm),
                ConvTranspose2d transposed => AddTransposed(decoder, transposed, norm),
                _ => Add(decoder, module, head: false),
            };
            pending = null;
            if (refusal is not null) return null;
        }
        if (pending is not null)
        {
            refusal = "AxisPad2d at the end of the decoder layers";
            return null;
        }
        if (layout.CropTop != 0 || layout.CropLeft != 0 || layout.CropHeight != decoder.Height || layout.CropWidth != decoder.Width)
            decoder.Crop(layout.CropTop, layout.CropHeight, layout.CropLeft, layout.CropWidth);
        if (layout.Resize)
        {
            refusal = "the bicubic resize back to the grid (inputSubsampling above 1) is not covered by the compiled decoder";
            return null;
        }
        refusal = layout.Tail.Select(m => Add(decoder, m, head: false)).FirstOrDefault(r => r is not null);
        return refusal is null ? decoder : null;
    }

    /// <summary>Appends the stage of <paramref name="module"/>; the reason when it cannot.</summary>
    private static string? Add<T>(Conv2dFastDecoder<T> decoder, nn.Module module, bool head) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (DecoderModules.TryAddCommon(decoder, module, before: head)) return null;
        switch (module)
        {
            case Upsample upsample when !head:
                return AddUpsample(decoder, upsample);
            case ConvTranspose2d transposed when !head:
                return AddTransposed(decoder, transposed, null);
            case BatchNorm2d norm when !head:
                if (DecoderModules.Affine(norm, out var refusal) is not var (scale, shift)) return refusal;
                decoder.ChannelAffine(scale, shift);
                return null;
            default:
                return $"module {module.GetType().Name} {(head ? "before" : "after")} the reshape is not covered by the compiled decoder";
        }
    }

    private static string? AddUpsample<T>(Conv2dFastDecoder<T> decoder, Upsample upsample) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (upsample.scale_factor is not [var factorY, var factorX] || !Whole(factorY) || !Whole(factorX) || upsample.size is { Length: > 0 })
            return "Upsample without two integer scale factors";
        if (upsample.mode is not (UpsampleMode.Bilinear or UpsampleMode.Nearest))
            return $"Upsample mode {upsample.mode}";
        decoder.Upsample((int)factorY, (int)factorX, upsample.mode == UpsampleMode.Bilinear, upsample.align_corners ?? false);
        return null;

        static bool Whole(double factor) => factor == Math.Round(factor) && factor >= 1;
    }

    private static string? AddConvolution<T>(Conv2dFastDecoder<T> decoder, Conv2d conv, AxisPad2d? pad, (double[] Scale, double[] Shift)? norm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Unusual(conv, 1) is { } reason) return reason;
        var (kh, kw) = ((int)conv.kernel_size[0], (int)conv.kernel_size[1]);
        (int Top, int Bottom, int Left, int Right) padding;
        if (conv.padding is [var py, var px]) padding = ((int)py, (int)py, (int)px, (int)px);
        else if (conv.padding_type == Padding.Same) padding = ((kh - 1) / 2, kh - 1 - (kh - 1) / 2, (kw - 1) / 2, kw - 1 - (kw - 1) / 2);
        else if (conv.padding_type == Padding.Valid) padding = (0, 0, 0, 0);
        else return "Conv2d with an unknown padding";
        if (conv.padding_mode is not (PaddingModes.Zeros or PaddingModes.Circular)) return $"Conv2d padding mode {conv.padding_mode}";
        bool circular = conv.padding_mode == PaddingModes.Circular;
        var weight = DecoderModules.Values(conv.weight);
        var bias = DecoderModules.Bias(conv);
        if (Fold(weight, bias, norm, k => k / (weight.Length / bias.Length)) is { } mismatch) return mismatch;
        if (pad is null)
        {
            decoder.Convolution(weight, bias, kh, kw, padding, circular, circular);
            return null;
        }
        if (padding != (0, 0, 0, 0)) return "AxisPad2d followed by a Conv2d that pads as well";
        decoder.Convolution(weight, bias, kh, kw, ((int)pad.Top, (int)pad.Bottom, (int)pad.Left, (int)pad.Right), pad.CircularY, pad.CircularX);
        return null;
    }

    private static string? AddTransposed<T>(Conv2dFastDecoder<T> decoder, ConvTranspose2d conv, (double[] Scale, double[] Shift)? norm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int stride = conv.stride is [var sy, var sx] && sy == sx ? (int)sy : 0;
        if (Unusual(conv, stride) is { } reason) return reason;
        if (conv.padding is not [var py, var px] || conv.padding_mode != PaddingModes.Zeros || conv.output_padding is not [var oy, var ox])
            return "ConvTranspose2d with a padding that is not two numbers of zeros";
        var (kh, kw) = ((int)conv.kernel_size[0], (int)conv.kernel_size[1]);
        var weight = DecoderModules.Values(conv.weight);
        var bias = DecoderModules.Bias(conv);
        if (Fold(weight, bias, norm, k => k / (kh * kw) % bias.Length) is { } mismatch) return mismatch;
        if (stride == 2)
        {
            decoder.Transposed(weight, bias, kh, kw, (int)py, (int)px, (int)oy, (int)ox);
            return null;
        }
        if (oy != 0 || ox != 0 || py > kh - 1 || px > kw - 1) return "ConvTranspose2d with stride 1 and an output padding or a padding above k − 1";
        // weight [in, out, kh, kw] → [out, in, kh, kw] with the taps reversed in both directions.
        int cin = (int)conv.in_channels, cout = (int)conv.out_channels;
        var flipped = new double[weight.Length];
        for (int i = 0; i < cin; i++)
            for (int o = 0; o < cout; o++)
                for (int y = 0; y < kh; y++)
                    for (int x = 0; x < kw; x++)
                        flipped[((o * cin + i) * kh + y) * kw + x] = weight[((i * cout + o) * kh + (kh - 1 - y)) * kw + (kw - 1 - x)];
        int top = kh - 1 - (int)py, left = kw - 1 - (int)px;
        decoder.Convolution(flipped, bias, kh, kw, (top, top, left, left), circularY: false, circularX: false);
        return null;
    }

    /// <summary>
    /// Folds a following batch norm's map into the weights (times scale[o]) and the bias (b·scale[o] + shift[o]);
    /// <paramref name="channelOf"/> gives a weight's output channel. The reason when the channels differ.
    /// </summary>
    private static string? Fold(double[] weight, double[] bias, (double[] Scale, double[] Shift)? norm, Func<int, int> channelOf)
    {
        if (norm is not var (scale, shift)) return null;
        if (scale.Length != bias.Length) return $"BatchNorm2d of {scale.Length} channels after a convolution of {bias.Length}";
        for (int k = 0; k < weight.Length; k++) weight[k] *= scale[channelOf(k)];
        for (int o = 0; o < bias.Length; o++) bias[o] = bias[o] * scale[o] + shift[o];
        return null;
    }

    /// <summary>Why <paramref name="conv"/> is not covered: a stride other than <paramref name="stride"/> (1 or 2), a dilation or groups.</summary>
    private static string? Unusual(Convolution conv, int stride) =>
        conv.kernel_size.Length != 2 || stride is not (1 or 2) || conv.stride.Any(s => s != stride) || conv.dilation.Any(d => d != 1) || conv.groups != 1
            ? $"{conv.GetType().Name} with stride [{string.Join(", ", conv.stride)}], dilation [{string.Join(", ", conv.dilation)}] or groups {conv.groups} " +
              "(covered: stride 1, or 2 for transposed, dilation 1, one group)"
            : null;

    /// <summary>The refusal as a log line.</summary>
    public static string Describe(string refusal) =>
        string.Create(CultureInfo.InvariantCulture, $"ConvAutoencoder2D: {refusal}; decoding through TorchSharp instead of the compiled decoder");
}
