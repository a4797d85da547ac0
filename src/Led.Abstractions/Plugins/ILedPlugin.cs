namespace Led.Abstractions.Plugins;

/// <summary>
/// The entry point of a plugin assembly: one public, parameterless class per assembly implements it and
/// registers the assembly's named components.
/// </summary>
public interface ILedPlugin
{
    void Register(ILedBuilder builder);
}
