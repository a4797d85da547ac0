using Led.Testing;
using Led.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Systems.KuramotoSivashinsky.Tests;

public class KuramotoSivashinskyPluginTests
{

    [Fact]
    public void Registers_the_system_under_its_config_name()
    {
        var builder = new RecordingBuilder();
        new KuramotoSivashinskyPlugin().Register(builder);
        var registration = Assert.Single(builder.Registrations);
        Assert.Equal(new ComponentRegistration(ComponentKind.System, "KuramotoSivashinsky",
            typeof(KuramotoSivashinsky), typeof(KuramotoSivashinskyOptions)), registration);
        Assert.True(ComponentRegistration.ContractOf(registration.Kind).IsAssignableFrom(registration.ImplementationType));
    }

    [Fact]
    public void The_system_can_be_built_from_its_options_type_as_a_host_would()
    {
        var registration = builderRegistration();
        object options = Activator.CreateInstance(registration.OptionsType)!;
        var system = Activator.CreateInstance(registration.ImplementationType, options);
        Assert.IsType<KuramotoSivashinsky>(system);

        static ComponentRegistration builderRegistration()
        {
            var builder = new RecordingBuilder();
            builder.AddKuramotoSivashinsky();
            return builder.Registrations.Single();
        }
    }
}
