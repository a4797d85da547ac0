using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Systems.FitzHughNagumo.Tests;

/// <summary>
/// The conformance kit's system checks on the default (paper) FHN lattice Boltzmann setup. Lifting densities sets the
/// equilibrium populations, whose sum is the density again up to round-off.
/// </summary>
public sealed class FitzHughNagumoConformanceTests : SystemConformance
{
    private static readonly FitzHughNagumoOptions Options = new();

    protected override IDynamicalSystem CreateSystem() => new FitzHughNagumo(Options);

    protected override double MicroStep => Options.MicroStep;

    protected override double Tolerance => 1e-13;
}
