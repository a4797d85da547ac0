namespace Led.Abstractions.Plugins;

/// <summary>What a named component is, and so which config section may name it.</summary>
public enum ComponentKind
{
    /// <summary>A micro solver and data generator (<see cref="Systems.IDynamicalSystem"/>), config section <c>system</c>.</summary>
    System,

    /// <summary>An encoder and its decoder in one component (<see cref="Learning.IAutoencoder"/>), config section <c>encoder</c>; it fills the <c>decoder</c> slot too.</summary>
    Autoencoder,

    /// <summary>A latent-space propagator (<see cref="Learning.ILatentPropagator"/>), config section <c>propagator</c>.</summary>
    Propagator,

    /// <summary>An encoder alone (<see cref="Learning.IEncoder"/>), config section <c>encoder</c>, paired with a <see cref="Decoder"/>.</summary>
    Encoder,

    /// <summary>A decoder alone (<see cref="Learning.IDecoder"/>, maybe <see cref="Learning.IProbabilisticDecoder"/>), config section <c>decoder</c>.</summary>
    Decoder,

    /// <summary>A forecast score (<see cref="Learning.IForecastMetric"/>), named in the config's <c>metrics</c> list.</summary>
    Metric,
}
