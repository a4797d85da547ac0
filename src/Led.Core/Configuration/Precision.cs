using System.Text.Json.Serialization;

namespace Led.Core.Configuration;

/// <summary>A floating-point format: of the tensors (config <c>precision</c>) or of stored trajectories (<c>data.storage</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Precision>))]
public enum Precision
{
    /// <summary>Double precision (as the reference).</summary>
    [JsonStringEnumMemberName("float64")]
    Float64,

    /// <summary>Single precision.</summary>
    [JsonStringEnumMemberName("float32")]
    Float32,
}
