namespace Led.Abstractions.Plugins;

/// <summary>
/// A named component: its kind, the type the host instantiates and the options class its config
/// <c>options</c> section binds to. The implementation's constructor may ask for the options instance, the
/// <see cref="Systems.SystemDescription"/> of the configured system and any registered service.
/// </summary>
public sealed record ComponentRegistration(ComponentKind Kind, string Name, Type ImplementationType, Type OptionsType)
{
    /// <summary>The contract every implementation of <paramref name="kind"/> must implement.</summary>
    public static Type ContractOf(ComponentKind kind) => kind switch
    {
        ComponentKind.System => typeof(Systems.IDynamicalSystem),
        ComponentKind.Autoencoder => typeof(Learning.IAutoencoder),
        ComponentKind.Encoder => typeof(Learning.IEncoder),
        ComponentKind.Decoder => typeof(Learning.IDecoder),
        ComponentKind.Propagator => typeof(Learning.ILatentPropagator),
        ComponentKind.Metric => typeof(Learning.IForecastMetric),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown component kind"),
    };
}
