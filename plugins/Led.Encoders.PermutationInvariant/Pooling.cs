using System.Text.Json.Serialization;

namespace Led.Encoders.PermutationInvariant;

/// <summary>The symmetric function over points of the <c>PermutationInvariantEncoder</c> (option <c>pooling</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Pooling>))]
public enum Pooling
{
    [JsonStringEnumMemberName("mean")]
    Mean,

    [JsonStringEnumMemberName("min")]
    Min,

    [JsonStringEnumMemberName("max")]
    Max,
}
