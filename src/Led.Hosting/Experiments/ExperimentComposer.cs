using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Led.Core;
using Led.Core.Data;
using Led.Core.Experiments;
using Led.Core.Stages;
using Led.Hosting.Configuration;
using Led.Hosting.Logging;

namespace Led.Hosting.Experiments;

/// <summary>
/// Builds what a config describes from its components: the system, and the <see cref="LedExperiment"/> of the system,
/// the encoder (an autoencoder, or an encoder with the config's decoder), the propagator, the metric components (the
/// system's defaults, replaced by a config entry of the same name, then the config's others) and the options. The
/// encoder, decoder and propagator get loggers that write to the run's log (<see cref="RunLoggerFactory"/>).
/// </summary>
public sealed class ExperimentComposer(Experiment experiment, IComponentFactory components)
{
    private IDynamicalSystem? _system;

    public IDynamicalSystem System => _system ??= (IDynamicalSystem)components.Create("system");

    private double[]? _initialState;

    /// <summary>The config's initial state (<c>system.initialState</c>, read once), or null for a seeded random one.</summary>
    public double[]? InitialState => _initialState ??=
        experiment.Config.System!.InitialState is { } spec ? InitialStateReader.Read(spec, System.Description) : null;

    public DataStage Data(StageContext context) => new(System, experiment.Config.System!.Name, context);

    /// <summary>The untrained experiment: every component created from the config.</summary>
    public LedExperiment Compose(StageContext context)
    {
        var c = experiment.Config;
        var d = System.Description;
        var logs = new RunLoggerFactory(context.Log);
        var encoder = (IEncoder)components.Create("encoder", d, context.Device, logs);
        var decoder = encoder as IAutoencoder as IDecoder
                      ?? (IDecoder)components.Create("decoder", d, new LatentSpace(encoder.LatentDim), context.Device, logs);
        var propagator = (ILatentPropagator)components.Create("propagator", new LatentSpace(encoder.LatentDim), context.Device, d, logs);
        return new LedExperiment(System, encoder, decoder, propagator, context)
        {
            SystemName = c.System!.Name,
            Data = c.Data,
            Training = c.Training,
            Forecast = c.Forecast,
            Output = c.Output,
            Metrics = Metrics(),
            InitialState = InitialState,
        };
    }

    /// <summary>The system's default metrics (unless the config names the same one with its options), then the config's.</summary>
    public IReadOnlyList<IForecastMetric> Metrics()
    {
        var d = System.Description;
        var configured = experiment.Config.Metrics.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var defaults = (System as IScoredSystem)?.DefaultMetrics.Where(n => !configured.Contains(n)) ?? [];
        return defaults.Select(n => (IForecastMetric)components.CreateDefault(ComponentKind.Metric, n, d))
            .Concat(experiment.Config.Metrics.Select((_, i) => (IForecastMetric)components.Create($"metrics[{i}]", d)))
            .ToList();
    }
}
