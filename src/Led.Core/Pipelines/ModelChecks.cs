using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Core.Configuration;

namespace Led.Core.Pipelines;

/// <summary>
/// The checks of a model's learned parts against the training and forecast options: a likelihood loss needs a
/// probabilistic part, an ensemble needs a stochastic model, and separate encoder and decoder slots are trained
/// together by gradient.
/// </summary>
public static class ModelChecks
{
    public static IEnumerable<string> Check(ExperimentConfig config, SystemDescription system, IAutoencoder autoencoder, ILatentPropagator propagator)
    {
        var t = config.Training;
        if (t.AutoencoderLoss == LossKind.Nll && autoencoder is not IProbabilisticDecoder)
            yield return $"training.autoencoderLoss: nll needs a decoder that returns a distribution; {Name(config.Decoder ?? config.Encoder)} does not: use mse or auto";
        if (t.PropagatorLoss == LossKind.Nll && propagator is not IStochasticPropagator)
            yield return $"training.propagatorLoss: nll needs a stochastic propagator; {config.Propagator?.Name} predicts one latent: use mse or auto";
        bool samples = propagator is IStochasticPropagator || (autoencoder is IProbabilisticDecoder && system.Kind != ObservableKind.Field);
        if (config.Forecast.Ensemble > 1 && !samples)
            yield return $"forecast.ensemble: {config.Forecast.Ensemble} members of a deterministic model would be identical; " +
                         "set it to 1, or use a stochastic propagator (or a probabilistic decoder of a point set or coordinate vector)";
        if (config.Training.Mode == "endToEnd" && propagator is IStochasticPropagator)
            yield return "training.mode: endToEnd trains on mean-squared errors, which ignores a stochastic propagator's distribution: use mode 'sequential'";
    }

    private static string Name(ComponentSection? section) => section?.Name ?? "the decoder";
}
