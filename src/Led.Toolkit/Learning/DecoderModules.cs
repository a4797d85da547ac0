using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>
/// Reads a decoder's TorchSharp modules for compiling it (<see cref="DecoderPipeline{T}"/>): parameter values in double,
/// the elementwise activation a module applies, and a batch norm in evaluation mode as a per-channel affine map.
/// </summary>
public static class DecoderModules
{
    /// <summary>
    /// Runs a compiler's <paramref name="build"/> without gradients: the decoder, or null with the refusal it returns, or
    /// with the message of an <see cref="ArgumentException"/> (a module whose shapes do not follow from those before it).
    /// </summary>
    public static TDecoder? Compile<TDecoder>(Func<(TDecoder? Decoder, string? Refusal)> build, out string? refusal) where TDecoder : class
    {
        try
        {
            using var noGrad = no_grad();
            (var decoder, refusal) = build();
            return refusal is null ? decoder : null;
        }
        catch (ArgumentException ex)
        {
            refusal = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Appends <paramref name="module"/> to <paramref name="decoder"/> when it is an elementwise activation, or a Linear
    /// layer <paramref name="before"/> the reshape; false for any other module (the compiler's own business).
    /// </summary>
    public static bool TryAddCommon(IDecoderStages decoder, nn.Module module, bool before)
    {
        if (TryActivation(module, out var kind, out double alpha))
            decoder.Activation(kind, alpha);
        else if (module is Linear linear && before)
            decoder.Dense(Values(linear.weight), linear.bias is null ? new double[linear.weight.shape[0]] : Values(linear.bias));
        else
            return false;
        return true;
    }

    /// <summary>The tensor's values in double, row-major.</summary>
    public static double[] Values(Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().to(ScalarType.Float64).contiguous();
        return cpu.data<double>().ToArray();
    }

    /// <summary>The modules <paramref name="module"/> applies in order: a Sequential's children, flattened; any other module itself.</summary>
    public static IEnumerable<nn.Module> Flatten(nn.Module module) =>
        module is Sequential sequential ? sequential.children().SelectMany(Flatten) : [module];

    /// <summary>A convolution's bias, zeros without one.</summary>
    public static double[] Bias(Convolution conv) => conv.bias is null ? new double[conv.out_channels] : Values(conv.bias);

    /// <summary>Whether <paramref name="module"/> is an elementwise activation the pipeline evaluates: which one, and its α (1 where it has none).</summary>
    public static bool TryActivation(nn.Module module, out DecoderActivation kind, out double alpha)
    {
        (kind, alpha) = module switch
        {
            CELU celu => (DecoderActivation.Celu, celu.alpha),
            ELU elu => (DecoderActivation.Elu, elu.alpha),
            ReLU => (DecoderActivation.Relu, 1.0),
            Tanh => (DecoderActivation.Tanh, 1.0),
            Sigmoid => (DecoderActivation.Sigmoid, 1.0),
            TanhPlus => (DecoderActivation.TanhPlus, 1.0),
            Identity => (DecoderActivation.Identity, 1.0),
            _ => ((DecoderActivation)(-1), 0.0),
        };
        return Enum.IsDefined(kind);
    }

    /// <summary>
    /// The evaluation-mode map of <paramref name="norm"/>: scale = γ/√(running var + ε), shift = β − running mean·scale
    /// (γ = 1, β = 0 without affine parameters); null with <paramref name="refusal"/> without running statistics.
    /// </summary>
    public static (double[] Scale, double[] Shift)? Affine(BatchNorm norm, out string? refusal)
    {
        refusal = null;
        if (norm.running_mean is null || norm.running_var is null)
        {
            refusal = $"{norm.GetType().Name} without running statistics";
            return null;
        }
        var mean = Values(norm.running_mean);
        var variance = Values(norm.running_var);
        var gamma = norm.weight is null ? Enumerable.Repeat(1.0, mean.Length).ToArray() : Values(norm.weight);
        var beta = norm.bias is null ? new double[mean.Length] : Values(norm.bias);
        var scale = new double[mean.Length];
        var shift = new double[mean.Length];
        for (int c = 0; c < mean.Length; c++)
        {
            scale[c] = gamma[c] / Math.Sqrt(variance[c] + norm.eps);
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return (scale, shift);
    }
}
