using Led.Abstractions.Plugins;

namespace Led.Propagators.Mlp;

/// <summary>Registers the <c>Mlp</c> propagator.</summary>
public sealed class MlpPropagatorPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddMlpPropagator();
}
