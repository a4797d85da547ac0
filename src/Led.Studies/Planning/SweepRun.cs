using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Led.Studies.Planning;

/// <summary>One expanded run of a sweep: its position, its stable id, what it changes and the resulting config document.</summary>
public sealed class SweepRun
{
    public SweepRun(int index, IReadOnlyList<SweepChange> changes, JsonObject document)
    {
        Index = index;
        Changes = changes;
        Document = document;
        Id = IdOf(changes);
    }

    /// <summary>Position in the plan (0-based): the Slurm array task id.</summary>
    public int Index { get; }

    /// <summary>8 hex digits of SHA-256 over the changed paths and values: the same changes give the same id in any order.</summary>
    public string Id { get; }

    public IReadOnlyList<SweepChange> Changes { get; }

    /// <summary>The full config of this run (no <c>sweep</c> section).</summary>
    public JsonObject Document { get; }

    /// <summary>e.g. <c>encoder=Pca, latentDim=4, seed=2</c>.</summary>
    public string Describe() => Changes.Count == 0 ? "(no changes)" : string.Join(", ", Changes);

    public override string ToString() => $"run {Index} ({Id}: {Describe()})";

    /// <summary>The id of a set of changes: lower-case path = canonical JSON value, sorted, hashed.</summary>
    public static string IdOf(IEnumerable<SweepChange> changes)
    {
        var lines = changes.Select(c => $"{ConfigPath.Normalise(c.Axis.Path)}={ConfigPath.Canonical(c.Value)}").Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return Convert.ToHexStringLower(hash)[..8];
    }
}
