using Led.Abstractions.Plugins;

namespace Led.TestPlugins.Oscillator;

public sealed class OscillatorPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) =>
        builder.AddSystem<Oscillator, OscillatorOptions>("Oscillator").AddMetric<EnergyError, EnergyErrorOptions>("EnergyError")
            .AddPropagator<LinearPropagator, LinearPropagatorOptions>("Linear");
}
