using Led.Abstractions.Plugins;

namespace MyPropagator;

/// <summary>The plugin's entry point: offers the propagator under the name configs use.</summary>
public sealed class MyPropagatorPlugin : ILedPlugin
{
    /// <inheritdoc/>
    public void Register(ILedBuilder builder) => builder.AddPropagator<MyPropagator, MyPropagatorOptions>("MyPropagator");
}
