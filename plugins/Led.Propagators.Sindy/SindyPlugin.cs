using Led.Abstractions.Plugins;

namespace Led.Propagators.Sindy;

/// <summary>Registers the <c>Sindy</c> propagator.</summary>
public sealed class SindyPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddSindy();
}
