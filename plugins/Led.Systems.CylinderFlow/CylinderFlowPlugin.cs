using Led.Abstractions.Plugins;

namespace Led.Systems.CylinderFlow;

/// <summary>Plugin entry point: registers the <c>CylinderFlow</c> system and the <c>CylinderForces</c> metric.</summary>
public sealed class CylinderFlowPlugin : ILedPlugin
{
    /// <inheritdoc />
    public void Register(ILedBuilder builder) => builder.AddCylinderFlow().AddCylinderForces();
}
