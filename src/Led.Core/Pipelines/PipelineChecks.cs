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
        if (config.Training.Autoencoder is { } pretrained && !File.Exists(Path.Combine(LedModel.ResolveDirectory(pretrained), "scalers.json")))
            problems.Add($"training.autoencoder: no trained model at {Path.GetFullPath(pretrained)} (expected the folder of a trained run, or its model/ subfolder, with scalers.json and autoencoder.bin)");
        else if (config.Training.Autoencoder is { } trained && ModelManifest.Problem(LedModel.ResolveDirectory(trained)) is { } damaged)
            problems.Add($"training.autoencoder: {damaged}");
        if (config.System?.InitialState is { } initial && !File.Exists(initial.Split(".h5:")[0] + (initial.Contains(".h5:") ? ".h5" : "")))
            problems.Add($"system.initialState: file not found: {initial}");
        var system = Create<IDynamicalSystem>(components, "system", problems);
        if (system is null) return problems;
        var d = system.Description;
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
        var context = new ComponentRuleContext(config, autoencoder, propagator, isSet ?? (_ => false)) { Kind = d.Kind };
        foreach (var rule in rules ?? ComponentRules.Default) problems.AddRange(rule.Check(context));
        if (t.Mode == TrainingMode.Sequential && (t.OutputLoss || t.ReconstructionLoss))
            problems.Add("training: in sequential mode the propagator is trained on the latent loss only; set outputLoss and reconstructionLoss to false or use mode endToEnd");
        // A fitted propagator is fitted on whole trajectories, not on training windows.
        if (needsModel && propagator is not null && !typeof(IFittable).IsAssignableFrom(propagator) && t.WindowLength > Math.Min(config.Data.TrainSamples, config.Data.ValidationSamples))
            problems.Add($"training.windowLength ({t.WindowLength}) exceeds data.trainSamples ({config.Data.TrainSamples}) or data.validationSamples ({config.Data.ValidationSamples})");
        int testLength = TestLength(config);
        if (testLength < config.Forecast.Warmup + config.Forecast.Horizon)
            problems.Add($"data.testSamples ({testLength}) is shorter than forecast.warmup + forecast.horizon ({config.Forecast.Warmup + config.Forecast.Horizon})");
        if (config.Forecast.InitialConditions > config.Data.TestInitialConditions)
            problems.Add($"forecast.initialConditions ({config.Forecast.InitialConditions}) exceeds data.testInitialConditions ({config.Data.TestInitialConditions})");
        return problems;
    }

    /// <summary>Samples per test trajectory: <c>data.testSamples</c>, or warm-up + horizon when 0.</summary>
    public static int TestLength(ExperimentConfig config) =>
        config.Data.TestSamples > 0 ? config.Data.TestSamples : config.Forecast.Warmup + config.Forecast.Horizon;

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
