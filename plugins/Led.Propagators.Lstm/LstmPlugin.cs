using Led.Abstractions.Plugins;

namespace Led.Propagators.Lstm;

/// <summary>Registers the <c>Lstm</c> propagator.</summary>
public sealed class LstmPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddLstm();
}
