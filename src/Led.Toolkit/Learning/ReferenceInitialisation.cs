using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>
/// The reference's initialisation (reference-spec §3.1): every parameter with at least two dimensions is
/// Xavier-uniform, every bias is 0.001.
/// </summary>
public static class ReferenceInitialisation
{
    /// <summary>The bias value of every layer.</summary>
    public const double Bias = 0.001;

    /// <summary>Re-initialises every parameter of <paramref name="module"/> in the order of <c>named_parameters()</c>.</summary>
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name == "bias" || name.EndsWith(".bias", StringComparison.Ordinal))
                parameter.fill_(Bias);
            else if (parameter.dim() >= 2)
                nn.init.xavier_uniform_(parameter);
        }
    }
}
