using Led.Abstractions.Plugins;

namespace Led.Systems.FitzHughNagumo;

/// <summary>Registration of the FitzHugh–Nagumo components on an <see cref="ILedBuilder"/>.</summary>
public static class FitzHughNagumoBuilderExtensions
{
    /// <summary>Offers <see cref="FitzHughNagumo"/> as the system <c>FitzHughNagumo</c>, configured by <see cref="FitzHughNagumoOptions"/>.</summary>
    public static ILedBuilder AddFitzHughNagumo(this ILedBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSystem<FitzHughNagumo, FitzHughNagumoOptions>("FitzHughNagumo");
    }
}
