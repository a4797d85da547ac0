using Led.Abstractions.Plugins;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>Registration of the Kuramoto–Sivashinsky system on an <see cref="ILedBuilder"/>.</summary>
public static class KuramotoSivashinskyBuilderExtensions
{
    /// <summary>Offers <see cref="KuramotoSivashinsky"/> under the name <c>KuramotoSivashinsky</c> and its metric <see cref="UxUxxDensity"/> as <c>UxUxxDensity</c>.</summary>
    public static ILedBuilder AddKuramotoSivashinsky(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSystem<KuramotoSivashinsky, KuramotoSivashinskyOptions>("KuramotoSivashinsky")
            .AddMetric<UxUxxDensity, UxUxxDensityOptions>("UxUxxDensity");
    }
}
