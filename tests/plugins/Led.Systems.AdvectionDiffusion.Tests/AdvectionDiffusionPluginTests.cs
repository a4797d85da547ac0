using Led.Abstractions.Plugins;
using Led.Testing;

namespace Led.Systems.AdvectionDiffusion.Tests;

public class AdvectionDiffusionPluginTests
{
    [Fact]
    public void Register_OffersTheSystemUnderItsName()
    {
        var registration = RegistrationAssert.Single(new AdvectionDiffusionPlugin(), ComponentKind.System, "AdvectionDiffusionParticles",
            typeof(AdvectionDiffusionParticles), typeof(AdvectionDiffusionParticlesOptions));
        Assert.NotNull(registration.ImplementationType.GetConstructor([typeof(AdvectionDiffusionParticlesOptions)]));
    }
}
