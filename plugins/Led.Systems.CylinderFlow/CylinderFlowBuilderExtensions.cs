using Led.Abstractions.Plugins;

namespace Led.Systems.CylinderFlow;

/// <summary>Registration of the cylinder-flow system on an <see cref="ILedBuilder"/>.</summary>
public static class CylinderFlowBuilderExtensions
{
    /// <summary>Offers <see cref="CylinderFlow"/> under the name <c>CylinderFlow</c>.</summary>
    public static ILedBuilder AddCylinderFlow(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSystem<CylinderFlow, CylinderFlowOptions>("CylinderFlow");
    }
}
