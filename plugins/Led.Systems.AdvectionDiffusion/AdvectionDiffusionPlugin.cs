using Led.Abstractions.Plugins;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>Plugin entry point: registers the system <c>AdvectionDiffusionParticles</c>.</summary>
public sealed class AdvectionDiffusionPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddAdvectionDiffusionParticles();
}
