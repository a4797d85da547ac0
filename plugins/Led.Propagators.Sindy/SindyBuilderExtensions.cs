using Led.Abstractions.Plugins;

namespace Led.Propagators.Sindy;

public static class SindyBuilderExtensions
{
    public static ILedBuilder AddSindy(this ILedBuilder builder) => builder.AddPropagator<SindyPropagator, SindyOptions>("Sindy");
}
