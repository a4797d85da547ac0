using Microsoft.Extensions.DependencyInjection;

namespace Led.Abstractions.Plugins;

/// <summary>Collects the components a plugin offers; the host builds its container after every plugin registered.</summary>
public interface ILedBuilder
{
    /// <summary>Services shared by all components (helpers a plugin's components need).</summary>
    IServiceCollection Services { get; }

    /// <summary>Offers a component under a name that configs refer to (case-insensitive, unique per kind).</summary>
    ILedBuilder Add(ComponentRegistration registration);
}
