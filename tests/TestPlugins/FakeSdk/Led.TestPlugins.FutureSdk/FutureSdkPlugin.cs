using Led.Abstractions.Plugins;

namespace Led.TestPlugins.FutureSdk;

public sealed class FutureSdkPlugin : ILedPlugin
{
    public void Register(object builder) { }
}
