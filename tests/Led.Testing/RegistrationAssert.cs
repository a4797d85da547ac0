using Led.Abstractions.Plugins;
using Xunit;

namespace Led.Testing;

/// <summary>What a plugin registers, checked as the host will use it.</summary>
public static class RegistrationAssert
{
    /// <summary>
    /// The plugin registers exactly one component, of <paramref name="kind"/> under <paramref name="name"/>, implemented by
    /// <paramref name="implementation"/> (which fulfils the kind's contract) with options <paramref name="options"/>.
    /// </summary>
    public static ComponentRegistration Single(ILedPlugin plugin, ComponentKind kind, string name, Type implementation, Type options)
    {
        var builder = new RecordingBuilder();
        plugin.Register(builder);
        var registration = Assert.Single(builder.Registrations);
        Assert.Equal(new ComponentRegistration(kind, name, implementation, options), registration);
        Assert.True(ComponentRegistration.ContractOf(kind).IsAssignableFrom(implementation), $"{implementation.Name} is no {kind}");
        return registration;
    }
}
