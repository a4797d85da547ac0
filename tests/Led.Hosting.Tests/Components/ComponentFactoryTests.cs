using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Led.Hosting.Components;
using Led.Hosting.Configuration;
using Led.Hosting.Plugins;
using Microsoft.Extensions.DependencyInjection;

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
                     "LED.NET supplies its options (NeedyOptions) and the services that plugins register in ILedPlugin.Register " +
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
}
