using Led.Abstractions.Plugins;

namespace Led.Hosting.Components;

/// <summary>
/// A check of one registered component on its own (its type and options type), run when the plugins are read: a
/// component that fails one is a plugin problem, reported with the plugin's path, and is offered by no plugin.
/// </summary>
public interface IRegistrationRule
{
    /// <summary>What is wrong with <paramref name="registration"/> and how its author fixes it; null when it passes.</summary>
    string? Check(ComponentRegistration registration);
}
