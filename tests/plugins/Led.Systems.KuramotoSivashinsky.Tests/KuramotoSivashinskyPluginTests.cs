using Led.Testing;
using Led.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Systems.KuramotoSivashinsky.Tests;

public class KuramotoSivashinskyPluginTests
{

    [Fact]
    public void Registers_the_system_and_its_metric_under_their_config_names()
    {
        var builder = new RecordingBuilder();
        new KuramotoSivashinskyPlugin().Register(builder);
        Assert.Equal([new ComponentRegistration(ComponentKind.System, "KuramotoSivashinsky", typeof(KuramotoSivashinsky), typeof(KuramotoSivashinskyOptions)),
                      new ComponentRegistration(ComponentKind.Metric, "UxUxxDensity", typeof(UxUxxDensity), typeof(UxUxxDensityOptions))], builder.Registrations);
        foreach (var registration in builder.Registrations)
            Assert.True(ComponentRegistration.ContractOf(registration.Kind).IsAssignableFrom(registration.ImplementationType));
    }

    [Fact]
    public void The_system_turns_its_metric_on_by_default_and_names_its_headline_score()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        Assert.Equal("mnad", system.HeadlineMetric);
        Assert.Equal(["UxUxxDensity"], system.DefaultMetrics);
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
            return builder.Registrations.Single(r => r.Kind == ComponentKind.System);
        }
    }
}
