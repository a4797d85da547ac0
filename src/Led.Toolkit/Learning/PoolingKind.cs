using System.Text.Json.Serialization;

namespace Led.Toolkit.Learning;

/// <summary>Down-sampling of a convolutional encoder layer by 2 (option <c>pooling</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PoolingKind>))]
public enum PoolingKind
{
    /// <summary>Average of each 2 (or 2 × 2) window, the reference's choice.</summary>
    [JsonStringEnumMemberName("avg")]
    Avg,

    /// <summary>Maximum of each window.</summary>
    [JsonStringEnumMemberName("max")]
    Max,
}
