using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Learning;

namespace Led.Toolkit.Validation;

/// <summary>Validation rules shared by the network options of autoencoders (activation, pooling, per-layer kernels).</summary>
public static class LayerOptionRules
{
    /// <summary>An error when <paramref name="activation"/> is not a defined <see cref="Learning.Activation"/>.</summary>
    public static IEnumerable<ValidationResult> Activation(Activation activation, string member = "Activation")
    {
        if (!Enum.IsDefined(activation))
            yield return new ValidationResult(
                $"{member} {(int)activation} is not one of celu, relu, tanh, elu, selu, gelu, silu.", [member]);
    }

    /// <summary>An error when <paramref name="pooling"/> is not a defined <see cref="PoolingKind"/>.</summary>
    public static IEnumerable<ValidationResult> Pooling(PoolingKind pooling, string member = "Pooling")
    {
        if (!Enum.IsDefined(pooling))
            yield return new ValidationResult($"{member} {(int)pooling} is not one of avg, max; use avg (the reference's choice) or max.", [member]);
    }

    /// <summary>
    /// Errors of a per-layer kernel list: one entry per layer of <paramref name="channels"/>, each odd and in
    /// [1, <paramref name="max"/>]; <paramref name="kernel"/> (the single kernel) is suggested as the fix.
    /// </summary>
    public static IEnumerable<ValidationResult> Kernels(IReadOnlyList<int>? kernels, IReadOnlyList<int>? channels, int kernel, int max, string member = "Kernels")
    {
        if (kernels is null) yield break;
        if (channels is not null && kernels.Count != channels.Count)
            yield return new ValidationResult(
                $"{member} lists {kernels.Count} kernel sizes but Channels lists {channels.Count} layers; give one odd kernel per layer, " +
                $"e.g. [{string.Join(", ", Enumerable.Repeat(kernel, channels.Count))}], or remove {member} to use Kernel for every layer.",
                [member]);
        for (int i = 0; i < kernels.Count; i++)
            if (kernels[i] < 1 || kernels[i] > max || kernels[i] % 2 == 0)
                yield return new ValidationResult(
                    $"{member}[{i}] is {kernels[i]}; each kernel must be odd and between 1 and {max}, so that the padding of (k-1)/2 keeps the size" +
                    (kernels[i] >= 1 && kernels[i] % 2 == 0 ? $"; use e.g. {kernels[i] + 1}." : "."),
                    [member]);
    }
}
