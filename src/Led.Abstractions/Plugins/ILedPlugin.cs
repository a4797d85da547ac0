namespace Led.Abstractions.Plugins;

/// <summary>
/// The entry point of a plugin assembly: one public, parameterless class per assembly implements it and
/// registers the assembly's named components.
/// </summary>
public interface ILedPlugin
{
    /// <summary>Offers the assembly's components (and any services they share) to the host.</summary>
    void Register(ILedBuilder builder);
}
