using System.Text.Json.Serialization;

namespace Led.Core.Configuration;

/// <summary>The gradient optimiser (config <c>training.optimizer</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    /// <summary>TorchSharp's Adam.</summary>
    [JsonStringEnumMemberName("adam")]
    Adam,

    /// <summary>AdaBelief, the reference's variant.</summary>
    [JsonStringEnumMemberName("adabelief")]
    AdaBelief,
}
