using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>What a <see cref="IComponentRule"/> looks at.</summary>
/// <param name="Config">The bound config.</param>
/// <param name="Autoencoder">The type of the configured autoencoder (an encoder and decoder pair: the pair's type), or null
/// when there is none (or its options do not fit the system). Rules look at capabilities only, so nothing is built.</param>
/// <param name="Propagator">The type of the configured propagator, or null when there is none (or its options do not fit).</param>
/// <param name="IsSet">Whether the config (or an override) sets a JSON path such as <c>training.learningRate</c> itself,
/// rather than leaving it at its default.</param>
public sealed record ComponentRuleContext(ExperimentConfig Config, Type? Autoencoder, Type? Propagator, Func<string, bool> IsSet)
{
    /// <summary>The kind of the system's observable.</summary>
    public ObservableKind Kind { get; init; } = ObservableKind.Field;

    /// <summary>Grid points per spatial dimension of a field observable (empty for other kinds).</summary>
    public IReadOnlyList<int> Grid { get; init; } = [];

    /// <summary>
    /// Where the dataset's fixed fields come from, e.g. <c>the system CylinderFlow</c> or <c>the dataset file data.path</c>;
    /// null when they are not known (the dataset file cannot be read, or no rule needs them).
    /// </summary>
    public string? FieldsSource { get; init; }

    /// <summary>The dataset's fixed fields (<c>IDatasetMetadata.Fields</c>, or <c>/fields</c> of <c>data.path</c>) by name, with their shapes.</summary>
    public IReadOnlyDictionary<string, int[]> Fields { get; init; } = new Dictionary<string, int[]>();

    /// <summary>The autoencoder is trained by gradient in this run: trainable, and not loaded pre-trained.</summary>
    public bool AutoencoderTrainedByGradient => AutoencoderIs<ITrainable>() && Config.Training.Autoencoder is null;

    /// <summary>The propagator is trained by gradient in this run.</summary>
    public bool PropagatorTrainedByGradient => PropagatorIs<ITrainable>();

    /// <summary>There is an autoencoder and it implements <typeparamref name="T"/>.</summary>
    public bool AutoencoderIs<T>() => Autoencoder is not null && typeof(T).IsAssignableFrom(Autoencoder);

    /// <summary>There is a propagator and it implements <typeparamref name="T"/>.</summary>
    public bool PropagatorIs<T>() => Propagator is not null && typeof(T).IsAssignableFrom(Propagator);
}
