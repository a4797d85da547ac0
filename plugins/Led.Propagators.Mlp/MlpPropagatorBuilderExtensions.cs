using Led.Abstractions.Plugins;

namespace Led.Propagators.Mlp;

public static class MlpPropagatorBuilderExtensions
{
    public static ILedBuilder AddMlpPropagator(this ILedBuilder builder) => builder.AddPropagator<MlpPropagator, MlpPropagatorOptions>("Mlp");
}
