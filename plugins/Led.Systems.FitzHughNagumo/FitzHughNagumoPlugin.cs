using Led.Abstractions.Plugins;

namespace Led.Systems.FitzHughNagumo;

/// <summary>Plugin entry point: registers the system <c>FitzHughNagumo</c>.</summary>
public sealed class FitzHughNagumoPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddFitzHughNagumo();
}
