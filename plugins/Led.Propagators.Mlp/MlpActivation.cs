using System.Text.Json.Serialization;

namespace Led.Propagators.Mlp;

/// <summary>Activation of the hidden layers of the <c>Mlp</c> propagator (option <c>activation</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MlpActivation>))]
public enum MlpActivation
{
    /// <summary>max(x, 0) + min(exp(x) − 1, 0).</summary>
    [JsonStringEnumMemberName("celu")]
    Celu,

    [JsonStringEnumMemberName("tanh")]
    Tanh,

    [JsonStringEnumMemberName("relu")]
    Relu,
}
