using System.Text.Json.Serialization;

namespace Led.Autoencoders.Variational;

/// <summary>The network of a <c>VariationalAutoencoder</c> (option <c>backbone</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VariationalBackbone>))]
public enum VariationalBackbone
{
    /// <summary>Fully connected layers on the flattened state (any grid): <c>layers</c> × <c>width</c>.</summary>
    [JsonStringEnumMemberName("mlp")]
    Mlp,

    /// <summary>1-D convolutions with average pooling (systems on a 1-D grid such as KS or FHN): <c>channels</c>, <c>kernel</c>.</summary>
    [JsonStringEnumMemberName("conv1d")]
    Conv1d,
}
