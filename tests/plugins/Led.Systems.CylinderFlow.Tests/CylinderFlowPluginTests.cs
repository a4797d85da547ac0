using Led.Testing;
using Led.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Systems.CylinderFlow.Tests;

public class CylinderFlowPluginTests
{

    [Fact]
    public void Registers_the_system_under_its_config_name_and_a_host_can_build_it()
    {
        var builder = new RecordingBuilder();
        new CylinderFlowPlugin().Register(builder);
        var registration = Assert.Single(builder.Registrations);
        Assert.Equal(new ComponentRegistration(ComponentKind.System, "CylinderFlow", typeof(CylinderFlow), typeof(CylinderFlowOptions)), registration);
        Assert.True(ComponentRegistration.ContractOf(registration.Kind).IsAssignableFrom(registration.ImplementationType));
        object options = Activator.CreateInstance(registration.OptionsType)!;
        Assert.IsType<CylinderFlow>(Activator.CreateInstance(registration.ImplementationType, options));
    }
}
