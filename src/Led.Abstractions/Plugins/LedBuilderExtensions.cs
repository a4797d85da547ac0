using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Abstractions.Plugins;

/// <summary>Typed registration helpers, so a plugin writes <c>builder.AddSystem&lt;Ks, KsOptions&gt;("KuramotoSivashinsky")</c>.</summary>
public static class LedBuilderExtensions
{
    /// <summary>Offers a system (<see cref="IDynamicalSystem"/>) under <paramref name="name"/>, configured by <typeparamref name="TOptions"/> (bound from the config's <c>options</c>).</summary>
    public static ILedBuilder AddSystem<TSystem, TOptions>(this ILedBuilder builder, string name)
        where TSystem : class, IDynamicalSystem where TOptions : class, new()
        => builder.Add(new ComponentRegistration(ComponentKind.System, name, typeof(TSystem), typeof(TOptions)));

    /// <summary>Offers a autoencoder (fills the encoder and decoder slots) under <paramref name="name"/>, configured by <typeparamref name="TOptions"/> (bound from the config's <c>options</c>).</summary>
    public static ILedBuilder AddAutoencoder<TAutoencoder, TOptions>(this ILedBuilder builder, string name)
        where TAutoencoder : class, IAutoencoder where TOptions : class, new()
        => builder.Add(new ComponentRegistration(ComponentKind.Autoencoder, name, typeof(TAutoencoder), typeof(TOptions)));

    /// <summary>Offers a encoder under <paramref name="name"/>, configured by <typeparamref name="TOptions"/> (bound from the config's <c>options</c>).</summary>
    public static ILedBuilder AddEncoder<TEncoder, TOptions>(this ILedBuilder builder, string name)
        where TEncoder : class, IEncoder where TOptions : class, new()
        => builder.Add(new ComponentRegistration(ComponentKind.Encoder, name, typeof(TEncoder), typeof(TOptions)));

    /// <summary>Offers a decoder under <paramref name="name"/>, configured by <typeparamref name="TOptions"/> (bound from the config's <c>options</c>).</summary>
    public static ILedBuilder AddDecoder<TDecoder, TOptions>(this ILedBuilder builder, string name)
        where TDecoder : class, IDecoder where TOptions : class, new()
        => builder.Add(new ComponentRegistration(ComponentKind.Decoder, name, typeof(TDecoder), typeof(TOptions)));

    /// <summary>Offers a latent propagator under <paramref name="name"/>, configured by <typeparamref name="TOptions"/> (bound from the config's <c>options</c>).</summary>
    public static ILedBuilder AddPropagator<TPropagator, TOptions>(this ILedBuilder builder, string name)
        where TPropagator : class, ILatentPropagator where TOptions : class, new()
        => builder.Add(new ComponentRegistration(ComponentKind.Propagator, name, typeof(TPropagator), typeof(TOptions)));

    /// <summary>Offers a forecast metric under <paramref name="name"/>, configured by <typeparamref name="TOptions"/> (bound from the config's <c>options</c>).</summary>
    public static ILedBuilder AddMetric<TMetric, TOptions>(this ILedBuilder builder, string name)
        where TMetric : class, IForecastMetric where TOptions : class, new()
        => builder.Add(new ComponentRegistration(ComponentKind.Metric, name, typeof(TMetric), typeof(TOptions)));
}
