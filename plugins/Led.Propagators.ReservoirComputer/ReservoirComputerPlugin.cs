using Led.Abstractions.Plugins;

namespace Led.Propagators.ReservoirComputer;

/// <summary>Registers the <c>ReservoirComputer</c> propagator.</summary>
public sealed class ReservoirComputerPlugin : ILedPlugin
{
    public void Register(ILedBuilder builder) => builder.AddReservoirComputer();
}
