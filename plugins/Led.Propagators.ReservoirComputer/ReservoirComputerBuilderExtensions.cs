using Led.Abstractions.Plugins;

namespace Led.Propagators.ReservoirComputer;

public static class ReservoirComputerBuilderExtensions
{
    public static ILedBuilder AddReservoirComputer(this ILedBuilder builder) =>
        builder.AddPropagator<ReservoirComputerPropagator, ReservoirComputerOptions>("ReservoirComputer");
}
