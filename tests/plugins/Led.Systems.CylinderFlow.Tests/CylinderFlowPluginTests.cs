using Led.Testing;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;

namespace Led.Systems.CylinderFlow.Tests;

public class CylinderFlowPluginTests
{

    [Fact]
    public void Registers_the_system_under_its_config_name_and_a_host_can_build_it()
    {
        var builder = new RecordingBuilder();
        new CylinderFlowPlugin().Register(builder);
        var registration = Assert.Single(builder.Registrations, r => r.Kind == ComponentKind.System);
        Assert.Equal(new ComponentRegistration(ComponentKind.System, "CylinderFlow", typeof(CylinderFlow), typeof(CylinderFlowOptions)), registration);
        Assert.True(ComponentRegistration.ContractOf(registration.Kind).IsAssignableFrom(registration.ImplementationType));
        object options = Activator.CreateInstance(registration.OptionsType)!;
        Assert.IsType<CylinderFlow>(Activator.CreateInstance(registration.ImplementationType, options));
    }

    [Fact]
    public void Registers_the_forces_metric_and_a_host_can_build_it_for_the_systems_data()
    {
        var builder = new RecordingBuilder();
        new CylinderFlowPlugin().Register(builder);
        Assert.Equal(2, builder.Registrations.Count);
        var registration = Assert.Single(builder.Registrations, r => r.Kind == ComponentKind.Metric);
        Assert.Equal(new ComponentRegistration(ComponentKind.Metric, "CylinderForces", typeof(CylinderForces), typeof(CylinderForcesOptions)), registration);
        Assert.True(ComponentRegistration.ContractOf(registration.Kind).IsAssignableFrom(registration.ImplementationType));
        object options = Activator.CreateInstance(registration.OptionsType)!;
        var description = new CylinderFlow(new CylinderFlowOptions { Nx = 128, Ny = 64 }).Description;
        Assert.NotNull(registration.ImplementationType.GetConstructor([typeof(CylinderForcesOptions), typeof(SystemDescription)]));
        Assert.IsType<CylinderForces>(Activator.CreateInstance(registration.ImplementationType, options, description));
        Assert.Same(builder, builder.AddCylinderForces());
    }
}
