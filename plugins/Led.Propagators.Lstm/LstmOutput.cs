using System.Text.Json.Serialization;

namespace Led.Propagators.Lstm;

/// <summary>Activation of the <c>Lstm</c> propagator's linear output head (option <c>output</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LstmOutput>))]
public enum LstmOutput
{
    /// <summary>0.5 + 0.5·tanh, for latents scaled to [0, 1].</summary>
    [JsonStringEnumMemberName("tanhplus")]
    TanhPlus,

    /// <summary>No activation.</summary>
    [JsonStringEnumMemberName("identity")]
    Identity,
}
