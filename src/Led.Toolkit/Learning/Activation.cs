using System.Text.Json.Serialization;

namespace Led.Toolkit.Learning;

/// <summary>Elementwise activation of hidden layers (option <c>activation</c>); each is TorchSharp's module of that name with its default parameters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Activation>))]
public enum Activation
{
    /// <summary>CELU(α = 1): max(x, 0) + min(exp(x) − 1, 0), the reference's choice.</summary>
    [JsonStringEnumMemberName("celu")]
    Celu,

    /// <summary>max(x, 0).</summary>
    [JsonStringEnumMemberName("relu")]
    Relu,

    /// <summary>tanh(x).</summary>
    [JsonStringEnumMemberName("tanh")]
    Tanh,

    /// <summary>ELU(α = 1): x for x &gt; 0, exp(x) − 1 otherwise (equal to CELU(1)).</summary>
    [JsonStringEnumMemberName("elu")]
    Elu,

    /// <summary>SELU: λ·ELU(x, α) with PyTorch's fixed λ ≈ 1.0507, α ≈ 1.6733.</summary>
    [JsonStringEnumMemberName("selu")]
    Selu,

    /// <summary>GELU, exact: x·Φ(x) with Φ the standard normal distribution function.</summary>
    [JsonStringEnumMemberName("gelu")]
    Gelu,

    /// <summary>SiLU (swish): x·σ(x).</summary>
    [JsonStringEnumMemberName("silu")]
    Silu,
}
