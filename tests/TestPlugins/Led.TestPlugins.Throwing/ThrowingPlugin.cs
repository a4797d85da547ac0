using Led.Abstractions.Plugins;

namespace Led.TestPlugins.Throwing;

public sealed class ThrowingPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => throw new InvalidOperationException("registration deliberately failed");
}
