using Led.Abstractions.Plugins;

namespace Led.TestPlugins.SdkOne;

public sealed class SdkOnePlugin : ILedPlugin
{
    public void Register(object builder) { }
}
