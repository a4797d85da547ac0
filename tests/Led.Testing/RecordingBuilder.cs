using Led.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Testing;

/// <summary>An <see cref="ILedBuilder"/> that records what a plugin registers.</summary>
public sealed class RecordingBuilder : ILedBuilder
{
    public List<ComponentRegistration> Registrations { get; } = [];

    public IServiceCollection Services { get; } = new ServiceCollection();

    public ILedBuilder Add(ComponentRegistration registration)
    {
        Registrations.Add(registration);
        return this;
    }
}
