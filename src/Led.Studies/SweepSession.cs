using System.Text.Json.Nodes;
using Led.Core.Compute;
using Led.Core.Pipelines;
using Led.Hosting;
using Led.Hosting.Components;
using Led.Hosting.Configuration;

namespace Led.Studies;

/// <summary>
/// A sweep config expanded into runs, with its study folder. <see cref="Open"/> validates every run exactly as
/// <c>led validate</c> does (plugins loaded, components created) and plans the shared datasets; <see cref="OpenPrepared"/>
/// trusts a study folder already prepared from the same config (what each Slurm array task does).
/// </summary>
public sealed class SweepSession
{
    /// <summary>A study whose runs are already validated (or prepared) and whose shared stages are planned.</summary>
    public SweepSession(string configPath, IReadOnlyList<string> overrides, SweepPlan plan, StudyFolder study,
        IReadOnlyList<SharedDataset> datasets, IReadOnlyList<SharedAutoencoder> autoencoders, int threads)
    {
        ConfigPath = Path.GetFullPath(configPath);
        Overrides = overrides;
        Plan = plan;
        Study = study;
        Datasets = datasets;
        Autoencoders = autoencoders;
        Threads = threads;
    }

    public string ConfigPath { get; }

    public IReadOnlyList<string> Overrides { get; }

    public SweepPlan Plan { get; }

    public StudyFolder Study { get; }

    public IReadOnlyList<SharedDataset> Datasets { get; }

    public IReadOnlyList<SharedAutoencoder> Autoencoders { get; }

    /// <summary>The most torch threads any run uses.</summary>
    public int Threads { get; }

    /// <summary>The shared dataset run <paramref name="index"/> reads, if any.</summary>
    public SharedDataset? DatasetOf(int index) => Datasets.FirstOrDefault(d => d.Runs.Contains(index));

    /// <summary>The shared autoencoder run <paramref name="index"/> reuses, if any.</summary>
    public SharedAutoencoder? AutoencoderOf(int index) => Autoencoders.FirstOrDefault(a => a.Runs.Contains(index));

    /// <summary>The shared datasets that <paramref name="runs"/> read and that are not simulated yet.</summary>
    public IReadOnlyList<SharedDataset> DatasetsToPrepare(IEnumerable<SweepRun> runs)
    {
        var indices = runs.Select(r => r.Index).ToHashSet();
        return Datasets.Where(d => d.Runs.Any(indices.Contains) && !File.Exists(Study.DatasetFile(d.Key))).ToList();
    }

    /// <summary>The shared autoencoders that <paramref name="runs"/> reuse and that are not trained yet.</summary>
    public IReadOnlyList<SharedAutoencoder> AutoencodersToPrepare(IEnumerable<SweepRun> runs)
    {
        var indices = runs.Select(r => r.Index).ToHashSet();
        return Autoencoders.Where(a => a.Runs.Any(indices.Contains) && !Study.HasAutoencoder(a.Key)).ToList();
    }

    /// <summary>A study from its folder (study.json) or from its config; throws <see cref="StudyInputException"/> when there is none.</summary>
    public static (StudyFolder Study, StudyManifest Manifest) OpenFolder(string target, IReadOnlyList<string> overrides, string? studyDirectory = null)
    {
        var folder = Directory.Exists(target) ? new StudyFolder(target) : Expand(target, overrides, studyDirectory).Study;
        if (!folder.HasManifest)
            throw new StudyInputException([$"{folder.Root}: no study.json here: not a study folder yet (start it with `led sweep run <config>` or `led sweep submit <config> --slurm`)"]);
        try
        {
            return (folder, StudyManifest.Read(folder.ManifestFile));
        }
        catch (InvalidDataException ex)
        {
            throw new StudyInputException([ex.Message]);
        }
    }

    /// <summary>Reads and expands the config without loading plugins (enough to list runs or find the study).</summary>
    public static (SweepPlan Plan, StudyFolder Study) Expand(string configPath, IReadOnlyList<string> overrides, string? studyDirectory)
    {
        var errors = new List<ConfigError>();
        var document = SweepExpander.Read(configPath, overrides, errors);
        var plan = document is null ? null : SweepExpander.Expand(document, errors);
        if (plan is null) throw new StudyInputException(errors.Select(e => e.ToString()).ToList());
        return (plan, new StudyFolder(studyDirectory ?? plan.DefaultStudyDirectory));
    }

    /// <summary>
    /// Expands and validates every run (all problems at once, each naming its run and JSON path); throws
    /// <see cref="StudyInputException"/>. <paramref name="cpuFallback"/>: when the configured device is absent here (a
    /// login node without GPUs), check the components on the CPU instead.
    /// </summary>
    public static SweepSession Open(string configPath, IReadOnlyList<string> overrides, string? studyDirectory, bool cpuFallback = false)
    {
        var (plan, study) = Expand(configPath, overrides, studyDirectory);
        string configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var extra = (Planning.ConfigPath.Get(plan.BaseDocument, "plugins") as JsonArray ?? [])
            .Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? Path.Combine(configDirectory, s) : null).OfType<string>();
        using var host = LedHost.Start(extra);
        foreach (var problem in host.Problems) Console.Error.WriteLine($"warning: plugin: {problem}");
        var errors = new List<SweepError>();
        var experiments = SweepValidator.Validate(plan, host.Registry, Path.GetFullPath(configPath), e => Checks(host, e, cpuFallback), errors);
        if (errors.Count > 0)
        {
            throw new StudyInputException(errors.Select(e => e.ToString()).ToList());
        }
        int threads = experiments.Values.Select(e => e.Config.Threads).DefaultIfEmpty(1).Max();
        return new SweepSession(configPath, overrides, plan, study, SharedDataset.Plan(experiments), SharedAutoencoder.Plan(experiments), threads);
    }

    /// <summary>
    /// For one run of a study already prepared (by <c>led sweep run</c> or <c>submit</c>) from this config: checks that the
    /// run's id at <paramref name="index"/> still matches and its config file exists; otherwise validates and prepares the
    /// whole study first.
    /// </summary>
    public static SweepSession OpenPrepared(string configPath, IReadOnlyList<string> overrides, string? studyDirectory, int? index)
    {
        var (plan, study) = Expand(configPath, overrides, studyDirectory);
        if (index is { } i && (i < 0 || i >= plan.Runs.Count))
            throw new StudyInputException([$"--index {i}: the sweep has {plan.Runs.Count} runs (0 to {plan.Runs.Count - 1})"]);
        if (study.HasManifest)
        {
            var manifest = StudyManifest.Read(study.ManifestFile);
            bool same = manifest.Runs.Count == plan.Runs.Count && manifest.Runs.Zip(plan.Runs).All(p => p.First.Id == p.Second.Id);
            if (same && plan.Runs.All(r => File.Exists(study.ConfigFile(r.Id))))
            {
                var datasets = manifest.Runs.Where(r => r.Dataset is not null).GroupBy(r => r.Dataset!)
                    .Select(g => new SharedDataset(g.Key, g.Select(r => r.Index).ToList())).ToList();
                var autoencoders = manifest.Runs.Where(r => r.Autoencoder is not null).GroupBy(r => r.Autoencoder!)
                    .Select(g => new SharedAutoencoder(g.Key, g.Select(r => r.Index).ToList())).ToList();
                return new SweepSession(configPath, overrides, plan, study, datasets, autoencoders, 1);
            }
        }
        var session = Open(configPath, overrides, studyDirectory, cpuFallback: true);
        session.Prepare();
        return session;
    }

    /// <summary>
    /// Writes study.json and every run's config into the study folder. Refuses (exit 2) when a run that already has
    /// results was made from a different config: its id would be reused for other settings.
    /// </summary>
    public void Prepare()
    {
        string configDirectory = Path.GetDirectoryName(ConfigPath)!;
        var changed = new List<string>();
        foreach (var run in Plan.Runs)
        {
            string file = Study.ConfigFile(run.Id);
            if (!File.Exists(file) || Study.Status(run.Id).State == RunState.Pending) continue;
            var dataset = DatasetOf(run.Index);
            var autoencoder = AutoencoderOf(run.Index);
            var now = StudyFolder.RunDocument(run, configDirectory, dataset is null ? null : Study.DatasetFile(dataset.Key),
                autoencoder is null ? null : Path.Combine(Study.AutoencoderDirectory(autoencoder.Key), "model"), autoencoder?.FittedRuns?.Contains(run.Index) == true);
            var before = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            if (Comparable(before) != Comparable(now))
                changed.Add($"{run}: {Study.ConfigFile(run.Id)} differs from the config as expanded now");
        }
        if (changed.Count > 0)
            throw new StudyInputException([.. changed, $"the config changed outside the swept keys since these runs ran in {Study.Root}: " +
                "set another output.directory (or --out) for the new study, or delete those run folders to rerun them"]);
        Study.Prepare(Plan, Datasets, Autoencoders, StudyManifest.From(Plan, Datasets, Autoencoders, ConfigPath, Overrides), ConfigPath);
    }

    /// <summary>A run config as compared between preparations: a data.path into this study's shared datasets and a
    /// training.autoencoder into its shared autoencoders are left out (runs join or leave a shared stage as runs are added
    /// to the sweep; the data and the autoencoder are the same).</summary>
    private string Comparable(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        foreach (var (key, folder) in new[] { ("data.path", "data"), ("training.autoencoder", "autoencoders") })
            if (Planning.ConfigPath.Get(copy, key) is JsonValue v && v.TryGetValue<string>(out var path) &&
                path.StartsWith(Path.Combine(Study.Root, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                Planning.ConfigPath.Set(copy, key, null);
        return Planning.ConfigPath.Canonical(copy);
    }

    /// <summary>The checks of <c>led validate</c>: components created on the configured device, sections checked together.</summary>
    private static IEnumerable<string> Checks(LedHost host, Experiment experiment, bool cpuFallback)
    {
        var c = experiment.Config;
        DeviceContext device;
        try
        {
            device = DeviceContext.Create(c.Device, c.Precision, c.Threads, c.Seed);
        }
        catch (ArgumentException ex)
        {
            if (!cpuFallback) return [$"device: {ex.Message}"];
            device = DeviceContext.Create("cpu", c.Precision, c.Threads, c.Seed);
        }
        return PipelineChecks.Check(c, new ComponentFactory(host.Services, experiment, host.Registry), device, needsModel: true, isSet: experiment.IsSet);
    }
}
