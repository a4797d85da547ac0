using Led.Abstractions.Plugins;
using Led.Core.Configuration;
using Led.Hosting.Components;
using Led.Hosting.Configuration;
using Led.Hosting.Logging;
using Led.Hosting.Tests.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Led.Hosting.Tests.Components;

public sealed class ComponentFactoryTests
{
    public sealed class LoggingOptions;

    /// <summary>A component that logs from its constructor through the logger it asks for.</summary>
    public sealed class LoggingComponent
    {
        public LoggingComponent(LoggingOptions options, ILogger<LoggingComponent> log)
        {
            Options = options;
            log.LogInformation("created with {Options}", options.GetType().Name);
        }

        public LoggingOptions Options { get; }
    }

    private static ComponentFactory Factory()
    {
        var registration = new ComponentRegistration(ComponentKind.Propagator, "Logging", typeof(LoggingComponent), typeof(LoggingOptions));
        var experiment = new Experiment(new ExperimentConfig(), new Dictionary<string, ResolvedComponent>
        {
            ["propagator"] = new("propagator", registration, new LoggingOptions()),
        }, null);
        return new ComponentFactory(new ServiceCollection().BuildServiceProvider(), experiment);
    }

    [Fact]
    public void AConstructorsLoggerWritesToTheRunLogGivenInTheContext()
    {
        var sink = new RunLoggerFactoryTests.ListSink();
        using var run = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var component = Assert.IsType<LoggingComponent>(Factory().Create("propagator", new RunLoggerFactory(run)));
        Assert.NotNull(component.Options);
        Assert.Equal("LoggingComponent: created with LoggingOptions", Assert.Single(sink.Events).Message);
    }

    [Fact]
    public void WithoutALoggerFactoryTheConstructorGetsANullLogger()
    {
        Assert.IsType<LoggingComponent>(Factory().Create("propagator"));
    }
}
