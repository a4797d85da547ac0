using System.Text.Json.Serialization;

namespace Led.Core.Configuration;

/// <summary>How the autoencoder and the propagator are trained (config <c>training.mode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingMode>))]
public enum TrainingMode
{
    /// <summary>The autoencoder first (or its closed-form fit), then the propagator on the frozen latents.</summary>
    [JsonStringEnumMemberName("sequential")]
    Sequential,

    /// <summary>Autoencoder and propagator jointly, by gradient.</summary>
    [JsonStringEnumMemberName("endToEnd")]
    EndToEnd,
}
