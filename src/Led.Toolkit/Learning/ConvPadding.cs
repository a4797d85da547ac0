using System.Text.Json.Serialization;

namespace Led.Toolkit.Learning;

/// <summary>How a convolutional autoencoder pads the grid for its convolutions (option <c>padding</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConvPadding>))]
public enum ConvPadding
{
    /// <summary>Zeros beyond the ends of the grid, as the reference.</summary>
    [JsonStringEnumMemberName("zeros")]
    Zeros,

    /// <summary>The grid wrapped around: the other end's values, for periodic domains.</summary>
    [JsonStringEnumMemberName("circular")]
    Circular,
}
