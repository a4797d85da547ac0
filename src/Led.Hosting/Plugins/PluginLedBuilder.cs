using Led.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Hosting.Plugins;

/// <summary>Collects one plugin's registrations so that a plugin that fails leaves nothing behind.</summary>
internal sealed class PluginLedBuilder : ILedBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();

    public List<ComponentRegistration> Components { get; } = new();

    public ILedBuilder Add(ComponentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (string.IsNullOrWhiteSpace(registration.Name))
            throw new ArgumentException("a component needs a non-empty name");
        var contract = ComponentRegistration.ContractOf(registration.Kind);
        if (!contract.IsAssignableFrom(registration.ImplementationType) || registration.ImplementationType.IsAbstract)
            throw new ArgumentException($"{registration.ImplementationType} is not a concrete {contract.Name}");
        if (registration.OptionsType.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"options type {registration.OptionsType} needs a public parameterless constructor");
        if (Components.Any(c => c.Kind == registration.Kind && string.Equals(c.Name, registration.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"{registration.Kind} '{registration.Name}' is registered twice");
        Components.Add(registration);
        return this;
    }
}
