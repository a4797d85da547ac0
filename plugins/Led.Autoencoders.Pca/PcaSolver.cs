using System.Text.Json.Serialization;

namespace Led.Autoencoders.Pca;

/// <summary>How <c>Pca</c> computes the leading components (option <c>solver</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PcaSolver>))]
public enum PcaSolver
{
    /// <summary>A full thin SVD of the centred matrix of distinct frames (a dense copy of all of them).</summary>
    [JsonStringEnumMemberName("exact")]
    Exact,

    /// <summary>
    /// A seeded randomized SVD (Halko, Martinsson and Tropp 2011) that streams the frames in chunks of rows and never
    /// holds the centred matrix: memory grows with (frames + frame size) × (d_z + oversampling), not frames × frame size.
    /// </summary>
    [JsonStringEnumMemberName("randomized")]
    Randomized,
}
