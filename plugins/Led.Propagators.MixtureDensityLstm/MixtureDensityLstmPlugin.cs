using Led.Abstractions.Plugins;

namespace Led.Propagators.MixtureDensityLstm;

/// <summary>Registers the <c>MixtureDensityLstm</c> propagator.</summary>
public sealed class MixtureDensityLstmPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddPropagator<MixtureDensityLstm, MixtureDensityLstmOptions>("MixtureDensityLstm");
}
