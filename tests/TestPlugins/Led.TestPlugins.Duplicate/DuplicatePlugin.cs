using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.Duplicate;

/// <summary>Claims "Oscillator" (also claimed by the Oscillator test plugin) and offers "Constant".</summary>
public sealed class DuplicatePlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) =>
        builder.AddSystem<ConstantSystem, ConstantOptions>("oscillator").AddSystem<ConstantSystem, ConstantOptions>("Constant");
}
