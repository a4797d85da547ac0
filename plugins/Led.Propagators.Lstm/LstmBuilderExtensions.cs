using Led.Abstractions.Plugins;

namespace Led.Propagators.Lstm;

public static class LstmBuilderExtensions
{
    public static ILedBuilder AddLstm(this ILedBuilder builder) => builder.AddPropagator<LstmPropagator, LstmOptions>("Lstm");
}
