using System.Text.Json.Nodes;
using Led.Core.Pipelines;
using Led.Hosting.Configuration;

namespace Led.Studies.Sharing;

/// <summary>
/// An autoencoder trained once for several runs of a propagator study: sequential-mode runs whose system, data, seed,
/// test length, encoder, training section (less the propagator's input noise), device and threads agree (everything autoencoder training depends on, so
/// the shared autoencoder is the one each run would have trained). <see cref="Key"/> hashes them; the autoencoder is
/// trained by <c>led train --autoencoder-only</c> into <c>&lt;study&gt;/autoencoders/&lt;key&gt;/</c>, and the runs
/// reuse it through <c>training.autoencoder</c>.
/// </summary>
public sealed record SharedAutoencoder(string Key, IReadOnlyList<int> Runs)
{
    /// <summary>Groups of two or more sequential runs with an encoder, a propagator and no <c>training.autoencoder</c> of their own.</summary>
    public static IReadOnlyList<SharedAutoencoder> Plan(IReadOnlyDictionary<int, Experiment> experiments) =>
        SharedStage.Plan(experiments, e => e.Config is { Training: { Mode: Led.Core.Configuration.TrainingMode.Sequential, Autoencoder: null }, Encoder: not null, Propagator: not null },
            KeyOf, (key, runs) => new SharedAutoencoder(key, runs));

    /// <summary>12 hex digits of SHA-256 over the inputs of autoencoder training.</summary>
    public static string KeyOf(Experiment experiment)
    {
        var resolved = experiment.Resolved();
        var training = resolved["training"]!.DeepClone().AsObject();
        ConfigPath.Remove(training, "autoencoder");
        ConfigPath.Remove(training, "noise");                 // perturbs the propagator's inputs only
        var inputs = new JsonObject
        {
            ["system"] = resolved["system"]?.DeepClone(),
            ["data"] = resolved["data"]?.DeepClone(),
            ["encoder"] = resolved["encoder"]?.DeepClone(),
            ["training"] = training,
            ["seed"] = experiment.Config.Seed,
            ["device"] = experiment.Config.Device,
            ["threads"] = experiment.Config.Threads,
            ["testLength"] = PipelineChecks.TestLength(experiment.Config),
        };
        return SharedStage.Key(inputs);
    }
}
