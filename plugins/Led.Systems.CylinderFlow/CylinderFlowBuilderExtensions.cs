using Led.Abstractions.Plugins;

namespace Led.Systems.CylinderFlow;

/// <summary>Registration of the cylinder-flow system and its forecast metric on an <see cref="ILedBuilder"/>.</summary>
public static class CylinderFlowBuilderExtensions
{
    /// <summary>Offers <see cref="CylinderFlow"/> under the name <c>CylinderFlow</c>.</summary>
    public static ILedBuilder AddCylinderFlow(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSystem<CylinderFlow, CylinderFlowOptions>("CylinderFlow");
    }

    /// <summary>Offers the <see cref="CylinderForces"/> forecast metric under the name <c>CylinderForces</c>.</summary>
    public static ILedBuilder AddCylinderForces(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMetric<CylinderForces, CylinderForcesOptions>("CylinderForces");
    }
}
