using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Core.Runs;
using Led.Core.Training;

namespace Led.Studies.Folders;

/// <summary>
/// A study's folder: <c>study.json</c>, <c>locks/</c> (who runs a run or makes a shared stage now), <c>configs/ID.json</c> (each run's full config), <c>data/KEY.h5</c> (shared
/// datasets), <c>autoencoders/KEY/</c> (shared pre-trained autoencoders, each a <c>led train --autoencoder-only</c> run
/// folder, with <c>autoencoders/KEY.json</c> its config), <c>logs/ID.log</c> and <c>logs/ID.error</c>, <c>slurm/</c>, and one run folder <c>ID/</c> per completed run
/// (published atomically by <c>led run</c>; <c>ID.failed/</c> keeps a failed run's log).
/// </summary>
public sealed class StudyFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string ManifestFile => Path.Combine(Root, "study.json");

    public string SlurmDirectory => Path.Combine(Root, "slurm");

    public string RunDirectory(string id) => Path.Combine(Root, id);

    public string ConfigFile(string id) => Path.Combine(Root, "configs", id + ".json");

    public string LogFile(string id) => Path.Combine(Root, "logs", id + ".log");

    public string ErrorFile(string id) => Path.Combine(Root, "logs", id + ".error");

    public string DatasetFile(string key) => Path.Combine(Root, "data", key + ".h5");

    /// <summary>The config a shared dataset is simulated from.</summary>
    public string DatasetConfigFile(string key) => Path.Combine(Root, "data", key + ".json");

    /// <summary>The run folder a shared autoencoder is trained into (its weights in <c>model/</c>).</summary>
    public string AutoencoderDirectory(string key) => Path.Combine(Root, "autoencoders", key);

    /// <summary>The config a shared autoencoder is trained from.</summary>
    public string AutoencoderConfigFile(string key) => Path.Combine(Root, "autoencoders", key + ".json");

    /// <summary>Whether the shared autoencoder <paramref name="key"/> has been trained (its run folder is published atomically).</summary>
    public bool HasAutoencoder(string key) => File.Exists(Path.Combine(AutoencoderDirectory(key), "model", "scalers.json"));

    public bool HasManifest => File.Exists(ManifestFile);

    /// <summary>The lock of run <paramref name="id"/>, held by the runner that runs it (<see cref="Led.Core.Runs.LockFile"/>).</summary>
    public string RunLock(string id) => Path.Combine(Root, "locks", $"run-{id}.lock");

    /// <summary>The lock of the shared dataset <paramref name="key"/>, held while it is simulated.</summary>
    public string DatasetLock(string key) => Path.Combine(Root, "locks", $"data-{key}.lock");

    /// <summary>The lock of the shared autoencoder <paramref name="key"/>, held while it is trained.</summary>
    public string AutoencoderLock(string key) => Path.Combine(Root, "locks", $"autoencoder-{key}.lock");

    /// <summary>
    /// The live process writing run <paramref name="id"/>'s incomplete folder (a <c>led run</c> whose runner may be gone),
    /// or null when none is.
    /// </summary>
    public LockOwner? LiveWriter(string id) =>
        RunFolder.Incomplete(RunDirectory(id)).Select(f => f.Owner).FirstOrDefault(o => o is not null && !o.IsStale());

    /// <summary>Creates the folders and writes the manifest, every run's config and the configs of the shared stages.</summary>
    public void Prepare(SweepPlan plan, IReadOnlyList<SharedDataset> datasets, IReadOnlyList<SharedAutoencoder> autoencoders,
        StudyManifest manifest, string configPath)
    {
        foreach (var folder in new[] { "configs", "data", "logs", "autoencoders" }) Directory.CreateDirectory(Path.Combine(Root, folder));
        manifest.Write(ManifestFile);
        string configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        JsonObject Document(int index, bool withAutoencoder)
        {
            var dataset = datasets.FirstOrDefault(d => d.Runs.Contains(index));
            var autoencoder = withAutoencoder ? autoencoders.FirstOrDefault(a => a.Runs.Contains(index)) : null;
            return RunDocument(plan.Runs[index], configDirectory, dataset is null ? null : DatasetFile(dataset.Key),
                autoencoder is null ? null : Path.Combine(AutoencoderDirectory(autoencoder.Key), "model"), autoencoder?.FittedRuns?.Contains(index) == true);
        }
        foreach (var run in plan.Runs) WriteJson(ConfigFile(run.Id), Document(run.Index, true));
        foreach (var dataset in datasets)
            WriteJson(DatasetConfigFile(dataset.Key), RunDocument(plan.Runs[dataset.Runs[0]], configDirectory, null));
        foreach (var autoencoder in autoencoders)
            WriteJson(AutoencoderConfigFile(autoencoder.Key), Document(autoencoder.Runs[0], false));
    }

    /// <summary>
    /// A run's config as written for its process: plugin folders made absolute (they are relative to the config file),
    /// <c>data.path</c> pointing at the shared dataset and <c>training.autoencoder</c> at the shared autoencoder when
    /// there are ones. A run that reuses one with a propagator fitted in closed form (<paramref name="fittedPropagator"/>)
    /// trains nothing by gradient: the optimiser's options, there to train the shared autoencoder, are left out.
    /// </summary>
    public static JsonObject RunDocument(SweepRun run, string configDirectory, string? datasetPath, string? autoencoderPath = null, bool fittedPropagator = false)
    {
        var document = run.Document.DeepClone().AsObject();
        if (ConfigPath.Get(document, "plugins") is JsonArray plugins)
        {
            var absolute = new JsonArray(plugins.Select(p => (JsonNode?)(p is JsonValue v && v.TryGetValue<string>(out var s)
                ? JsonValue.Create(Path.GetFullPath(Path.Combine(configDirectory, s)))
                : p?.DeepClone())).ToArray());
            ConfigPath.Set(document, "plugins", absolute);
        }
        if (datasetPath is not null) ConfigPath.Set(document, "data.path", JsonValue.Create(datasetPath));
        if (autoencoderPath is not null) ConfigPath.Set(document, "training.autoencoder", JsonValue.Create(autoencoderPath));
        if (autoencoderPath is not null && fittedPropagator && ConfigPath.Get(document, "training") is JsonObject training)
            foreach (var key in Led.Core.Checks.GradientOptionsNeedATrainedComponentRule.Keys) ConfigPath.Remove(training, key);
        return document;
    }

    /// <summary>The state of run <paramref name="id"/>: completed, incomplete (in flight or lost), failed, interrupted or pending.</summary>
    public RunStatus Status(string id)
    {
        string metrics = Path.Combine(RunDirectory(id), "metrics.json");
        if (File.Exists(metrics))
        {
            var values = ReadMetrics(metrics);
            return new RunStatus(RunState.Completed, null, values, values.TryGetValue("wall_seconds", out var wall) ? wall : null);
        }
        if (Directory.Exists(Root) && Directory.EnumerateDirectories(Root, $".{id}.incomplete-*").Any())
            return new RunStatus(RunState.Incomplete, null, Empty, null);
        string? error = ReadText(ErrorFile(id)) ?? ReadText(Path.Combine(RunDirectory(id) + ".failed", "error.txt"));
        if (error is not null)
            return new RunStatus(error.StartsWith("interrupted", StringComparison.Ordinal) ? RunState.Interrupted : RunState.Failed, error, Empty, null);
        return new RunStatus(RunState.Pending, null, Empty, null);
    }

    /// <summary>
    /// One value of <paramref name="metric"/> per initial condition of a completed run's forecast (its
    /// <c>forecast_per_ic.csv</c>); empty when the run has none or the file has no such column.
    /// </summary>
    public IReadOnlyList<double> PerInitialCondition(string id, string metric)
    {
        string path = Path.Combine(RunDirectory(id), Led.Core.Stages.ReportStage.PerInitialConditionFile);
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        int column = lines.Length == 0 ? -1 : Array.IndexOf(lines[0].Split(','), metric);
        if (column < 0) return [];
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => double.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Records why a run failed (shown by status and report; cleared when it is run again).</summary>
    public void RecordFailure(string id, string message)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ErrorFile(id))!);
        string temp = ErrorFile(id) + $".tmp-{Environment.ProcessId}";
        File.WriteAllText(temp, message.TrimEnd() + Environment.NewLine);
        File.Move(temp, ErrorFile(id), overwrite: true);
    }

    /// <summary>
    /// Before a run starts again: forgets its recorded failure and removes leftovers of killed attempts (incomplete folders
    /// whose process no longer runs and that hold no training checkpoint, which <c>led run --resume</c> continues; one
    /// still written by a live process is left to it).
    /// </summary>
    public void Reset(string id)
    {
        if (File.Exists(ErrorFile(id))) File.Delete(ErrorFile(id));
        foreach (var (stale, _) in RunFolder.Incomplete(RunDirectory(id)).Where(f => f.Owner is { } owner && owner.IsStale() && !TrainingCheckpoints.Any(f.Path)))
            Directory.Delete(stale, recursive: true);
    }

    private static readonly IReadOnlyDictionary<string, double> Empty = new Dictionary<string, double>();

    private static Dictionary<string, double> ReadMetrics(string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is JsonObject metrics)
                foreach (var (key, value) in metrics)
                    result[key] = value is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN;
        }
        catch (JsonException)
        {
            // metrics.json is published atomically; an unreadable one has no metrics to show.
        }
        return result;
    }

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    private static void WriteJson(string path, JsonNode document)
    {
        string temp = path + $".tmp-{Environment.ProcessId}";
        File.WriteAllText(temp, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
    }
}
