namespace Led.Abstractions.Plugins;

/// <summary>What a named component is, and so which config section may name it.</summary>
public enum ComponentKind
{
    /// <summary>A micro solver and data generator (<see cref="Systems.IDynamicalSystem"/>), config section <c>system</c>.</summary>
    System,

    /// <summary>An encoder/decoder pair (<see cref="Learning.IAutoencoder"/>), config sections <c>encoder</c> / <c>decoder</c>.</summary>
    Autoencoder,

    /// <summary>A latent-space propagator (<see cref="Learning.ILatentPropagator"/>), config section <c>propagator</c>.</summary>
    Propagator,

    /// <summary>A forecast score (<see cref="Learning.IForecastMetric"/>), named in the config's <c>metrics</c> list.</summary>
    Metric,
}
