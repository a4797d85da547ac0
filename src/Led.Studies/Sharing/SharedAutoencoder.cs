using System.Text.Json.Nodes;
using Led.Abstractions.Learning;
using Led.Core.Checks;
using Led.Core.Pipelines;
using Led.Hosting.Configuration;

namespace Led.Studies.Sharing;

/// <summary>
/// An autoencoder trained once for several runs of a propagator study: sequential-mode runs whose system, data, seed,
/// test length, encoder, training section (less the keys that shape only the propagator's gradient training: its windows,
/// chunks, warm-up, input noise and rollout), device, precision and threads agree (everything autoencoder training depends on, so the shared
/// autoencoder is the one each run would have trained). A fitted propagator (which must leave those keys out) thus shares
/// the autoencoder of the trained ones. <see cref="Key"/> hashes them; the autoencoder is
/// trained by <c>led train --autoencoder-only</c> into <c>&lt;study&gt;/autoencoders/&lt;key&gt;/</c>, and the runs
/// reuse it through <c>training.autoencoder</c>. <see cref="FittedRuns"/> are those of them whose propagator is fitted in
/// closed form: nothing of theirs is then trained by gradient, so their configs leave out the optimiser's options, which
/// only trained the shared autoencoder.
/// </summary>
public sealed record SharedAutoencoder(string Key, IReadOnlyList<int> Runs, IReadOnlyList<int>? FittedRuns = null)
{
    /// <summary>Groups of two or more sequential runs with an encoder, a propagator and no <c>training.autoencoder</c> of their own.</summary>
    public static IReadOnlyList<SharedAutoencoder> Plan(IReadOnlyDictionary<int, Experiment> experiments) =>
        SharedStage.Plan(experiments, e => e.Config is { Training: { Mode: Led.Core.Configuration.TrainingMode.Sequential, Autoencoder: null }, Encoder: not null, Propagator: not null },
            KeyOf, (key, runs) => new SharedAutoencoder(key, runs, runs.Where(r => Fitted(experiments[r])).ToList()));

    /// <summary>Whether the run's propagator is fitted in closed form.</summary>
    private static bool Fitted(Experiment experiment) =>
        experiment.Components.TryGetValue("propagator", out var propagator) && typeof(IFittable).IsAssignableFrom(propagator.Registration.ImplementationType);

    /// <summary>12 hex digits of SHA-256 over the inputs of autoencoder training.</summary>
    public static string KeyOf(Experiment experiment)
    {
        var resolved = experiment.Resolved();
        var training = resolved["training"]!.DeepClone().AsObject();
        ConfigPath.Remove(training, "autoencoder");
        foreach (var key in FittedPropagatorTrainingOptionsRule.Keys) ConfigPath.Remove(training, key);   // the propagator's only
        var inputs = new JsonObject
        {
            ["system"] = resolved["system"]?.DeepClone(),
            ["data"] = resolved["data"]?.DeepClone(),
            ["encoder"] = resolved["encoder"]?.DeepClone(),
            ["decoder"] = resolved["decoder"]?.DeepClone(),
            ["precision"] = resolved["precision"]?.DeepClone(),
            ["training"] = training,
            ["seed"] = experiment.Config.Seed,
            ["device"] = experiment.Config.Device,
            ["threads"] = experiment.Config.Threads,
            ["testLength"] = PipelineChecks.TestLength(experiment.Config),
        };
        return SharedStage.Key(inputs);
    }
}
