using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Led.Hosting.Configuration;

namespace Led.Studies.Sharing;

/// <summary>What the shared stages of a study (datasets, autoencoders) have in common: grouping runs by a key, and the key.</summary>
internal static class SharedStage
{
    /// <summary>Runs that <paramref name="eligible"/> admits, grouped by <paramref name="keyOf"/>; groups of two or more, in run order.</summary>
    public static IReadOnlyList<T> Plan<T>(IReadOnlyDictionary<int, Experiment> experiments, Func<Experiment, bool> eligible,
        Func<Experiment, string> keyOf, Func<string, IReadOnlyList<int>, T> create) =>
        experiments.Where(e => eligible(e.Value))
            .GroupBy(e => keyOf(e.Value), e => e.Key)
            .Where(g => g.Count() >= 2)
            .Select(g => (Key: g.Key, Runs: (IReadOnlyList<int>)g.Order().ToList()))
            .OrderBy(g => g.Runs[0])
            .Select(g => create(g.Key, g.Runs))
            .ToList();

    /// <summary>12 hex digits of SHA-256 over the canonical JSON of <paramref name="inputs"/>.</summary>
    public static string Key(JsonObject inputs) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConfigPath.Canonical(inputs))))[..12];
}
