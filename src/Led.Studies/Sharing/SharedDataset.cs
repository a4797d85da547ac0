using System.Text.Json.Nodes;
using Led.Core.Pipelines;
using Led.Hosting.Configuration;

namespace Led.Studies.Sharing;

/// <summary>
/// A dataset simulated once for several runs: those whose system, data section, seed and test length agree (the
/// inputs of data generation). <see cref="Key"/> hashes them; the file is <c>&lt;study&gt;/data/&lt;key&gt;.h5</c>.
/// </summary>
public sealed record SharedDataset(string Key, IReadOnlyList<int> Runs)
{
    /// <summary>
    /// Groups the runs that simulate (no <c>data.path</c>) by <see cref="KeyOf"/>; groups of two or more runs share a
    /// dataset (a lone run simulates inside its own run folder as usual).
    /// </summary>
    public static IReadOnlyList<SharedDataset> Plan(IReadOnlyDictionary<int, Experiment> experiments) =>
        SharedStage.Plan(experiments, e => e.Config.Data.Path is null, KeyOf, (key, runs) => new SharedDataset(key, runs));

    /// <summary>12 hex digits of SHA-256 over the resolved system and data sections, the seed and the test length.</summary>
    public static string KeyOf(Experiment experiment)
    {
        var resolved = experiment.Resolved();
        var data = resolved["data"]!.DeepClone().AsObject();
        ConfigPath.Remove(data, "path");
        var inputs = new JsonObject
        {
            ["system"] = resolved["system"]?.DeepClone(),
            ["data"] = data,
            ["seed"] = experiment.Config.Seed,
            ["testLength"] = PipelineChecks.TestLength(experiment.Config),
        };
        return SharedStage.Key(inputs);
    }
}
