using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Hosting.Components;
using Led.Hosting.Configuration;
using Led.Hosting.Logging;
using Led.Hosting.Plugins;
using Led.Hosting.Tests.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Led.Hosting.Tests.Components;

public sealed class ComponentFactoryTests
{
    [Fact]
    public void AConstructorNeedingAnUnregisteredServiceIsRefusedNamingTheTypeAndTheFix()
    {
        var registry = new ComponentRegistry([new LoadedPlugin("Needy", "1.0.0", "/plugins/Needy/Needy.dll",
            [new(ComponentKind.System, "Needy", typeof(NeedySystem), typeof(NeedyOptions))])]);
        string path = ExperimentFiles.Write("""{ "system": { "name": "Needy" } }""");
        var errors = new List<ConfigError>();
        var experiment = ExperimentLoader.Bind(ExperimentLoader.Read(path, [], errors), registry, path, errors);
        Assert.Empty(errors);

        var factory = new ComponentFactory(new ServiceCollection().BuildServiceProvider(), experiment!, registry);
        var error = Assert.Throws<InvalidOperationException>(() => factory.Create("system"));

        Assert.Equal($"{typeof(NeedySystem).FullName} cannot be constructed: no service supplies IClock, IComparer<Double>; or IClock. " +
                     "LED.NET supplies its options (NeedyOptions), ILogger<T> and the services that plugins register in ILedPlugin.Register " +
                     "(builder.Services): register the missing one there, or remove the parameter", error.Message);

        var withService = new ServiceCollection().AddSingleton<IClock, Clock>().AddSingleton<IComparer<double>>(Comparer<double>.Default);
        Assert.IsType<NeedySystem>(new ComponentFactory(withService.BuildServiceProvider(), experiment!, registry).Create("system"));
    }

    public interface IClock;

    private sealed class Clock : IClock;

    public sealed class NeedyOptions;

    public sealed class NeedySystem : IDynamicalSystem
    {
        public NeedySystem(NeedyOptions options, IClock clock, IComparer<double> comparer) { }

        public NeedySystem(IClock clock) { }

        public SystemDescription Description { get; } = new(["u"], [1], [1.0], 1, false);

        public IMicroSimulation Start(ulong seed) => throw new NotSupportedException("only construction is checked");

        public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => throw new NotSupportedException("only construction is checked");
    }

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
