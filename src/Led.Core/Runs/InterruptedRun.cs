using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Led.Core.Training;

namespace Led.Core.Runs;

/// <summary>
/// Finds the interrupted run that <c>--resume</c> continues: an incomplete folder <c>.NAME.incomplete-PID</c> whose process
/// no longer runs, or <c>NAME.failed</c> of a run stopped by Ctrl-C, holding training checkpoints; and checks that it was
/// started with the same configuration as far as results depend on it: the SHA-256 of the resolved config without the
/// sections that do not change the numbers (<see cref="Ignored"/>).
/// </summary>
public static class InterruptedRun
{
    /// <summary>Config paths that may differ between a run and its resumption.</summary>
    public static readonly IReadOnlyList<string> Ignored = ["output", "threads", "training.checkpointEpochs", "training.checkpointMinutes"];

    /// <summary>What <see cref="Find"/> found: the folder to continue (null: none, start afresh) or the problem that forbids resuming.</summary>
    public sealed record Outcome(string? Folder, string? Problem);

    /// <param name="finalPath">The run folder (<c>output.directory</c> or <c>--out</c>).</param>
    /// <param name="resolvedConfig">This run's resolved config, as written to <c>config.json</c>.</param>
    public static Outcome Find(string finalPath, JsonObject resolvedConfig)
    {
        string final = Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        var candidates = new List<string>();
        foreach (var (folder, owner) in RunFolder.Incomplete(final))
        {
            if (owner is null || !owner.IsStale())
                return new Outcome(null, $"--resume: {final} is being written by {owner?.ToString() ?? "another process"} ({folder}): " +
                                         "wait for it to end, or give another output folder");
            if (TrainingCheckpoints.Any(folder)) candidates.Add(folder);
        }
        string failed = final + ".failed";
        if (Directory.Exists(failed) && TrainingCheckpoints.Any(failed) &&
            File.Exists(Path.Combine(failed, "error.txt")) && File.ReadAllText(Path.Combine(failed, "error.txt")).StartsWith("interrupted", StringComparison.Ordinal))
            candidates.Add(failed);
        if (candidates.Count == 0) return new Outcome(null, null);
        string latest = candidates.OrderByDescending(f => Directory.GetLastWriteTimeUtc(Path.Combine(f, TrainingCheckpoints.FolderName))).First();
        string configFile = Path.Combine(latest, "config.json");
        if (!File.Exists(configFile))
            return new Outcome(null, $"--resume: the interrupted run in {latest} has no config.json: run without --resume to start afresh");
        JsonObject saved;
        try
        {
            saved = JsonNode.Parse(File.ReadAllText(configFile))!.AsObject();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return new Outcome(null, $"--resume: {configFile} is not readable ({ex.Message}): run without --resume to start afresh");
        }
        if (Hash(saved) != Hash(resolvedConfig))
            return new Outcome(null, $"--resume: the interrupted run in {latest} was started with another configuration " +
                                     $"({FirstDifference(Relevant(saved), Relevant(resolvedConfig), "")}): resume it with the configuration it was started with, " +
                                     "or run without --resume to start afresh (the interrupted run is then removed)");
        return new Outcome(latest, null);
    }

    /// <summary>SHA-256 (hex) of the config without the <see cref="Ignored"/> paths.</summary>
    public static string Hash(JsonObject resolvedConfig) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Relevant(resolvedConfig).ToJsonString())));

    private static JsonObject Relevant(JsonObject config)
    {
        var copy = config.DeepClone().AsObject();
        foreach (var path in Ignored)
        {
            var parts = path.Split('.');
            JsonObject? node = copy;
            for (int i = 0; i < parts.Length - 1 && node is not null; i++) node = node[parts[i]] as JsonObject;
            node?.Remove(parts[^1]);
        }
        return copy;
    }

    /// <summary>The first JSON path where <paramref name="before"/> and <paramref name="now"/> differ, with both values.</summary>
    private static string FirstDifference(JsonNode? before, JsonNode? now, string path)
    {
        if (before is JsonObject a && now is JsonObject b)
        {
            foreach (var key in a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)))
                if (!JsonNode.DeepEquals(a[key], b[key]))
                    return FirstDifference(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}");
        }
        else if (before is JsonArray x && now is JsonArray y && x.Count == y.Count)
        {
            for (int i = 0; i < x.Count; i++)
                if (!JsonNode.DeepEquals(x[i], y[i])) return FirstDifference(x[i], y[i], $"{path}[{i}]");
        }
        return $"{path}: {before?.ToJsonString() ?? "absent"} then, {now?.ToJsonString() ?? "absent"} now";
    }
}
