using System.Text.Json.Serialization;

namespace Led.Autoencoders.Variational;

/// <summary>The hidden layers' activation of a <c>VariationalAutoencoder</c> (option <c>activation</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VariationalActivation>))]
public enum VariationalActivation
{
    /// <summary>CELU (α = 1), the reference autoencoders' activation.</summary>
    [JsonStringEnumMemberName("celu")]
    Celu,

    /// <summary>tanh.</summary>
    [JsonStringEnumMemberName("tanh")]
    Tanh,

    /// <summary>ReLU.</summary>
    [JsonStringEnumMemberName("relu")]
    Relu,

    /// <summary>SiLU (x·sigmoid(x)).</summary>
    [JsonStringEnumMemberName("silu")]
    Silu,
}
