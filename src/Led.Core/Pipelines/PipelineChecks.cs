using System.Reflection;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Core.Checks;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Stages;
using Led.Core.Training;

namespace Led.Core.Pipelines;

/// <summary>
/// Checks that need the components: the system and the metrics are created (cheap descriptions), the learned
/// components are only described (<see cref="ComponentShapes"/>: their options are checked against the system's shape,
/// e.g. a 1-D network for a 2-D system, without building a network of any size), and the sections are checked
/// against each other.
/// </summary>
public static class PipelineChecks
{
    /// <param name="config">The bound config.</param>
    /// <param name="components">Creates the configured components.</param>
    /// <param name="device">Where the components' tensors live.</param>
    /// <param name="needsModel">The command trains or forecasts, so an encoder and a propagator are required.</param>
    /// <param name="isSet">Whether the config sets a JSON path itself (e.g. <c>training.learningRate</c>); rules about
    /// options the components ignore report only those. Null: no path counts as set.</param>
    /// <param name="rules">The component rules; <see cref="ComponentRules.Default"/> when null.</param>
    public static List<string> Check(ExperimentConfig config, IComponentFactory components, IDeviceContext device, bool needsModel = false,
        Func<string, bool>? isSet = null, IReadOnlyList<IComponentRule>? rules = null)
    {
        var problems = new List<string>();
        if (config.Data.Path is { } dataPath && !File.Exists(dataPath))
            problems.Add($"data.path: dataset not found: {Path.GetFullPath(dataPath)} (simulate the system to create it there, or remove data.path to simulate during the run)");
        else if (config.Data.Path is { } existing && config.System?.Name is { } systemName
                 && DatasetFile.SystemNameOf(existing) is { } datasetSystem && !string.Equals(datasetSystem, systemName, StringComparison.OrdinalIgnoreCase))
            problems.Add($"data.path: {DataStage.DatasetSystemProblem(Path.GetFullPath(existing), datasetSystem, systemName)}");
        bool dataRefused = problems.Count > 0;
        if (config.Training.Autoencoder is { } pretrained && !File.Exists(Path.Combine(LedModel.ResolveDirectory(pretrained), "scalers.json")))
            problems.Add($"training.autoencoder: no trained model at {Path.GetFullPath(pretrained)} (expected the folder of a trained run, or its model/ subfolder, with scalers.json and autoencoder.bin)");
        else if (config.Training.Autoencoder is { } trained && ModelManifest.Problem(LedModel.ResolveDirectory(trained)) is { } damaged)
            problems.Add($"training.autoencoder: {damaged}");
        string? initial = config.System?.InitialState;
        bool initialExists = initial is not null && File.Exists(initial.Split(".h5:")[0] + (initial.Contains(".h5:") ? ".h5" : ""));
        if (initial is not null && !initialExists) problems.Add($"system.initialState: file not found: {initial}");
        var system = Create<IDynamicalSystem>(components, "system", problems);
        if (system is null) return problems;
        var d = system.Description;
        if (initialExists) problems.AddRange(InitialStateProblem(initial!, d));
        if (needsModel && !components.IsConfigured("encoder")) problems.Add("encoder: required to train or forecast; add { \"name\": …, \"options\": { … } }");
        if (needsModel && !components.IsConfigured("propagator")) problems.Add("propagator: required to train or forecast; add { \"name\": …, \"options\": { … } }");
        for (int i = 0; i < config.Metrics.Count; i++)
            Create<IForecastMetric>(components, $"metrics[{i}]", problems, d);
        var t = config.Training;
        var (autoencoder, latent) = components.IsConfigured("encoder") ? DescribeAutoencoder(components, problems, d, device) : (null, null);
        Type? propagator = null;
        if (latent is not null && components.IsConfigured("propagator"))
        {
            var configured = components.Describe("propagator");
            if (ComponentShapes.Check(configured, d, latent, components, device, problems) is not null) propagator = configured.ImplementationType;
        }
        var (fieldsSource, fields) = t.ReconstructionWeights is null || dataRefused ? (null, new Dictionary<string, int[]>()) : DatasetFields(config, system);
        var context = new ComponentRuleContext(config, autoencoder, propagator, isSet ?? (_ => false))
        {
            Kind = d.Kind, Grid = d.Grid, FieldsSource = fieldsSource, Fields = fields,
        };
        foreach (var rule in rules ?? ComponentRules.Default) problems.AddRange(rule.Check(context));
        if (t.Mode == TrainingMode.Sequential && (t.OutputLoss || t.ReconstructionLoss))
            problems.Add("training: in sequential mode the propagator is trained on the latent loss only; set outputLoss and reconstructionLoss to false or use mode endToEnd");
        // Sizes of a refused dataset (missing, or of another system) would only add noise.
        if (dataRefused) return problems;
        var samples = SplitSizes(config);
        if (SizeProblems(config, d, samples) is { Count: > 0 } sizes)
        {
            problems.AddRange(sizes);
            return problems;
        }
        // Gradient training cuts the training and validation trajectories into windows; a fitted propagator is fitted on
        // whole trajectories (end-to-end training refuses fitted components).
        bool windowed = propagator is not null && (!typeof(IFittable).IsAssignableFrom(propagator) || t.Mode == TrainingMode.EndToEnd);
        if ((needsModel || windowed) && (propagator is null || windowed))
            problems.AddRange(WindowProblems(config, samples, isSet ?? (_ => false)));
        long forecastLength = (long)config.Forecast.Warmup + config.Forecast.Horizon;
        if (samples[2].Samples < forecastLength)
            problems.Add($"{samples[2].Source} ({samples[2].Samples}) is shorter than forecast.warmup + forecast.horizon ({forecastLength}): " +
                         "lower forecast.horizon or generate longer test trajectories");
        if (config.Forecast.InitialConditions > samples[2].Trajectories)
            problems.Add($"forecast.initialConditions ({config.Forecast.InitialConditions}) exceeds {samples[2].TrajectoriesKey} ({samples[2].Trajectories})");
        return problems;
    }

    /// <summary>
    /// The dataset's fixed fields with their shapes: <c>/fields</c> of <c>data.path</c>, or those the system provides
    /// (<see cref="IDatasetMetadata"/>; a field is grid-shaped when its size is the grid's); no source when the file cannot be read.
    /// </summary>
    private static (string? Source, IReadOnlyDictionary<string, int[]> Fields) DatasetFields(ExperimentConfig config, IDynamicalSystem system)
    {
        if (config.Data.Path is { } path)
            return DatasetFile.FieldShapesOf(path) is { } stored ? ($"the dataset file data.path ({Path.GetFullPath(path)})", stored) : (null, new Dictionary<string, int[]>());
        var grid = system.Description.Grid.ToArray();
        long size = grid.Aggregate(1L, (p, g) => p * g);
        var fields = (system as IDatasetMetadata)?.Fields.ToDictionary(f => f.Key, f => f.Value.Length == size ? grid : [f.Value.Length]) ?? [];
        return ($"the system {config.System?.Name}", fields);
    }

    /// <summary>Samples per test trajectory: <c>data.testSamples</c>, or warm-up + horizon when 0.</summary>
    public static int TestLength(ExperimentConfig config) =>
        config.Data.TestSamples > 0 ? config.Data.TestSamples : checked(config.Forecast.Warmup + config.Forecast.Horizon);

    /// <summary>The trajectories and samples of each split (training, validation, test), as the config asks them simulated or as <c>data.path</c> holds them.</summary>
    private static SplitSize[] SplitSizes(ExperimentConfig config)
    {
        var data = config.Data;
        if (data.Path is { } path && File.Exists(path) && DatasetFile.SplitSizesOf(path) is { } stored)
        {
            string[] splits = ["training", "validation", "test"];
            return stored.Select((s, i) => new SplitSize(s.Trajectories, s.Samples, $"the length of the {splits[i]} trajectories in data.path", "data.path", "data.path")).ToArray();
        }
        return
        [
            new SplitSize(data.TrainTrajectories, data.TrainSamples, "data.trainSamples", "data.trainSamples", "data.trainTrajectories"),
            new SplitSize(data.ValidationTrajectories, data.ValidationSamples, "data.validationSamples", "data.validationSamples", "data.validationTrajectories"),
            data.TestSamples > 0
                ? new SplitSize(data.TestInitialConditions, data.TestSamples, "data.testSamples", "data.testSamples", "data.testInitialConditions")
                : new SplitSize(data.TestInitialConditions, (long)config.Forecast.Warmup + config.Forecast.Horizon,
                    "forecast.warmup + forecast.horizon (the test trajectories' length when data.testSamples is 0)", "forecast.horizon", "data.testInitialConditions"),
        ];
    }

    /// <summary>
    /// Each split is held in one array of trajectories × samples × state values, which must fit in a .NET array (and the
    /// sample counts in 32-bit integers): a larger request is refused here instead of overflowing while simulating.
    /// </summary>
    private static List<string> SizeProblems(ExperimentConfig config, SystemDescription d, SplitSize[] splits)
    {
        var problems = new List<string>();
        long forecastLength = (long)config.Forecast.Warmup + config.Forecast.Horizon;
        if (forecastLength > int.MaxValue)
            problems.Add($"forecast.warmup + forecast.horizon ({forecastLength}) exceeds {int.MaxValue} samples: lower forecast.horizon");
        foreach (var split in splits)
        {
            var values = (System.Numerics.BigInteger)split.Trajectories * split.Samples * d.Size;
            if (values > Array.MaxLength)
                problems.Add($"{split.Source}: {split.Trajectories} trajectories × {split.Samples} samples × {d.Size} values per state = {values} values, " +
                             $"more than one array holds ({Array.MaxLength}): lower {split.SamplesKey} or {split.TrajectoriesKey}");
        }
        return problems;
    }

    /// <summary>Gradient training needs at least one window of <c>training.windowLength</c> samples in the training and the validation trajectories.</summary>
    private static IEnumerable<string> WindowProblems(ExperimentConfig config, SplitSize[] splits, Func<string, bool> isSet)
    {
        int window = config.Training.WindowLength;
        string origin = isSet("training.windowLength") ? "" : isSet("training") ? ", the default" : ", the default: the config has no training section";
        var shortest = splits[..2].MinBy(s => s.Samples)!;
        if (shortest.Samples < window)
            yield return $"training.windowLength ({window}{origin}) is longer than {shortest.Source} ({shortest.Samples}): training cuts windows of " +
                         $"windowLength samples out of each training and validation trajectory; set training.windowLength to at most {shortest.Samples} " +
                         "(with sequenceLength + warmup below it) or generate longer trajectories";
    }

    /// <summary>The problem with the config's initial state file (size, non-finite values, text that is not a number), if any.</summary>
    private static IEnumerable<string> InitialStateProblem(string spec, SystemDescription d)
    {
        string? problem;
        try
        {
            InitialStateReader.Read(spec, d);
            problem = null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problem = $"system.initialState: {(ex is TargetInvocationException { InnerException: { } inner } ? inner : ex).Message}: give {d.Size} finite numbers, " +
                      $"one row per grid point with one column per channel ({string.Join(", ", d.Channels)}), or one value per line channel-major, " +
                      "or name an HDF5 dataset as file.h5:/path";
        }
        if (problem is not null) yield return problem;
    }

    /// <summary>One split's size, where its sample count comes from, and the keys that change it.</summary>
    private sealed record SplitSize(long Trajectories, long Samples, string Source, string SamplesKey, string TrajectoriesKey);

    /// <summary>
    /// The type of the configured autoencoder (or of the pair of the configured encoder and decoder) and its latent space,
    /// from their options and the system's description: nothing is built.
    /// </summary>
    private static (Type? Autoencoder, LatentSpace? Latent) DescribeAutoencoder(IComponentFactory components, List<string> problems, SystemDescription d,
        IDeviceContext device)
    {
        var encoder = components.Describe("encoder");
        var latent = ComponentShapes.Check(encoder, d, null, components, device, problems);
        if (latent is null) return (null, null);
        if (typeof(IAutoencoder).IsAssignableFrom(encoder.ImplementationType)) return (encoder.ImplementationType, latent);
        if (!components.IsConfigured("decoder")) return (null, null);
        var decoder = components.Describe("decoder");
        var decoderLatent = ComponentShapes.Check(decoder, d, latent, components, device, problems);
        if (decoderLatent is null) return (null, null);
        if (EncoderDecoderPair.Problem(encoder.ImplementationType, latent.Dim, decoder.ImplementationType, decoderLatent.Dim) is { } problem)
        {
            problems.Add($"decoder: {problem}");
            return (null, null);
        }
        return (EncoderDecoderPair.TypeFor(decoder.ImplementationType), latent);
    }

    private static T? Create<T>(IComponentFactory components, string section, List<string> problems, params object[] context) where T : class
    {
        try
        {
            return (T)components.Create(section, context);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidDataException or FileNotFoundException)
        {
            problems.Add($"{section}: {ex.Message}");
            return null;
        }
    }
}
