using Led.Abstractions.Plugins;

namespace MySystem;

/// <summary>The plugin's entry point: offers the system under the name configs use.</summary>
public sealed class MySystemPlugin : ILedPlugin
{
    /// <inheritdoc/>
    public void Register(ILedBuilder builder) => builder.AddSystem<MySystem, MySystemOptions>("MySystem");
}
