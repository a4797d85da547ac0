using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>What a <see cref="IComponentRule"/> looks at.</summary>
/// <param name="Config">The bound config.</param>
/// <param name="Autoencoder">The configured autoencoder, or null when there is none (or it could not be created).</param>
/// <param name="Propagator">The configured propagator, or null when there is none (or it could not be created).</param>
/// <param name="IsSet">Whether the config (or an override) sets a JSON path such as <c>training.learningRate</c> itself,
/// rather than leaving it at its default.</param>
public sealed record ComponentRuleContext(ExperimentConfig Config, IAutoencoder? Autoencoder, ILatentPropagator? Propagator, Func<string, bool> IsSet)
{
    /// <summary>The kind of the system's observable.</summary>
    public ObservableKind Kind { get; init; } = ObservableKind.Field;

    /// <summary>The autoencoder is trained by gradient in this run: trainable, and not loaded pre-trained.</summary>
    public bool AutoencoderTrainedByGradient => Autoencoder is ITrainable && Config.Training.Autoencoder is null;

    /// <summary>The propagator is trained by gradient in this run.</summary>
    public bool PropagatorTrainedByGradient => Propagator is ITrainable;
}
