using System.Text.Json.Serialization;

namespace Led.Propagators.Mlp;

/// <summary>Activation of the <c>Mlp</c> propagator's output layer (option <c>output</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MlpOutput>))]
public enum MlpOutput
{
    /// <summary>0.5 + 0.5·tanh, for latents scaled to [0, 1].</summary>
    [JsonStringEnumMemberName("tanhplus")]
    TanhPlus,

    /// <summary>No activation.</summary>
    [JsonStringEnumMemberName("identity")]
    Identity,
}
