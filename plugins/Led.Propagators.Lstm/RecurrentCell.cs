using System.Text.Json.Serialization;

namespace Led.Propagators.Lstm;

/// <summary>The recurrent cell of the <c>Lstm</c> propagator (option <c>cell</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecurrentCell>))]
public enum RecurrentCell
{
    /// <summary>Long short-term memory (PyTorch <c>LSTM</c>, gate order i, f, g, o; hidden and cell state): the paper's.</summary>
    [JsonStringEnumMemberName("lstm")]
    Lstm,

    /// <summary>Gated recurrent unit (PyTorch <c>GRU</c>, gate order r, z, n; hidden state only).</summary>
    [JsonStringEnumMemberName("gru")]
    Gru,
}
