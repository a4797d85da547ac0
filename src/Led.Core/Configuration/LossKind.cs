using System.Text.Json.Serialization;

namespace Led.Core.Configuration;

/// <summary>The training loss of a learned part (config <c>training.autoencoderLoss</c>, <c>training.propagatorLoss</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LossKind>))]
public enum LossKind
{
    /// <summary>Negative log-likelihood for a probabilistic part (a mixture-density decoder, a stochastic propagator), else MSE.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>Mean squared error of the (mean) prediction.</summary>
    [JsonStringEnumMemberName("mse")]
    Mse,

    /// <summary>Negative log-likelihood of the data under the predicted distribution; needs a probabilistic part.</summary>
    [JsonStringEnumMemberName("nll")]
    Nll,
}
