using Led.Abstractions.Plugins;

namespace MyMetric;

/// <summary>The plugin's entry point: offers the metric under the name configs use in their <c>metrics</c> list.</summary>
public sealed class MyMetricPlugin : ILedPlugin
{
    /// <inheritdoc/>
    public void Register(ILedBuilder builder) => builder.AddMetric<MyMetric, MyMetricOptions>("MyMetric");
}
