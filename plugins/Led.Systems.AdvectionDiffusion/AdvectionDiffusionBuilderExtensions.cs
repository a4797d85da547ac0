using Led.Abstractions.Plugins;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>Registration of the advection–diffusion system on an <see cref="ILedBuilder"/>.</summary>
public static class AdvectionDiffusionBuilderExtensions
{
    /// <summary>Offers <see cref="AdvectionDiffusionParticles"/> as the system <c>AdvectionDiffusionParticles</c>.</summary>
    public static ILedBuilder AddAdvectionDiffusionParticles(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSystem<AdvectionDiffusionParticles, AdvectionDiffusionParticlesOptions>("AdvectionDiffusionParticles");
    }
}
