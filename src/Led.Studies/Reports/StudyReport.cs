using System.Globalization;
using System.Text;

namespace Led.Studies.Reports;

/// <summary>
/// <c>led report</c>: one row per run (id, changed keys, status, wall time, metrics, error) as CSV and Markdown, and
/// plots from the sweep axes — a metric against each numeric axis, a metric per category of each other axis — and, for
/// a metric the runs also score per initial condition (<c>forecast_per_ic.csv</c>: mnad, mnad_&lt;channel&gt;, …), its
/// distribution over every initial condition of every seed per category of the categorical axis with most categories
/// (box plot and a table of quantiles: the paper's Fig. 2b).
/// </summary>
public static class StudyReport
{
    /// <summary>Metrics tabulated and plotted when none are asked for (those present, in this order).</summary>
    public static readonly IReadOnlyList<string> PreferredMetrics = ["mnad", "nrmse", "correlation", "reconstruction_mse", "speedup_latent"];

    /// <summary><c>led report</c>: writes the report (see <see cref="Write"/>) and lists the files written.</summary>
    public static void WriteAndList(StudyFolder study, StudyManifest manifest, IReadOnlyList<string>? metrics, string outputDirectory, TextWriter output)
    {
        var files = Write(study, manifest, metrics, outputDirectory);
        var counts = StateCounts.Describe(manifest.Runs.Select(r => study.Status(r.Id).StateName));
        output.WriteLine($"report of {study.Root} ({manifest.Runs.Count} runs: {counts}):");
        foreach (var file in files) output.WriteLine($"  {file}");
    }

    /// <summary>Writes <c>report.csv</c>, <c>report.md</c> and <c>plots/</c> into <paramref name="outputDirectory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(StudyFolder study, StudyManifest manifest, IReadOnlyList<string>? metrics, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var rows = manifest.Runs.Select(r => (Run: r, Status: study.Status(r.Id))).ToList();
        var allMetrics = rows.SelectMany(r => r.Status.Metrics.Keys).Where(k => k != "wall_seconds").Distinct().Order(StringComparer.Ordinal).ToList();
        var chosen = metrics is { Count: > 0 } ? metrics.ToList()
            : PreferredMetrics.Where(allMetrics.Contains).ToList();
        if (chosen.Count == 0) chosen = allMetrics.Take(6).ToList();

        var files = new List<string>();
        string csv = Path.Combine(outputDirectory, "report.csv");
        File.WriteAllText(csv, Csv(manifest, rows, allMetrics));
        files.Add(csv);

        var plots = Plot(manifest, rows, chosen, Path.Combine(outputDirectory, "plots"));
        var distributions = PerInitialCondition(study, manifest, rows, chosen);
        foreach (var d in distributions)
        {
            string path = Path.Combine(outputDirectory, "plots", $"{Slug(d.Metric)}_per_ic_by_{Slug(d.Axis.Name)}");
            StudyPlots.MetricPerCategory(path, d.Metric, d.Axis.Name, d.Categories, "initial conditions");
            plots.Add(path);
        }
        files.AddRange(plots.SelectMany(p => new[] { p + ".png", p + ".svg" }));

        string markdown = Path.Combine(outputDirectory, "report.md");
        File.WriteAllText(markdown, Markdown(study, manifest, rows, chosen, distributions, plots.Select(p => Path.GetRelativePath(outputDirectory, p)).ToList()));
        files.Insert(1, markdown);
        return files;
    }

    private static string Csv(StudyManifest manifest, List<(StudyRun Run, RunStatus Status)> rows, List<string> metrics)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', new[] { "index", "id", "status" }.Concat(manifest.Axes.Select(a => a.Path)).Append("wall_seconds")
            .Concat(metrics).Append("error").Select(Quote)));
        foreach (var (run, status) in rows)
        {
            var cells = new List<string> { run.Index.ToString(CultureInfo.InvariantCulture), run.Id, status.StateName };
            cells.AddRange(manifest.Axes.Select(a => StudyManifest.Label(run, a)));
            cells.Add(Number(status.WallSeconds, "R"));
            cells.AddRange(metrics.Select(m => Number(status.Metrics.TryGetValue(m, out var v) ? v : null, "R")));
            cells.Add(status.Error?.ReplaceLineEndings(" ") ?? "");
            text.AppendLine(string.Join(',', cells.Select(Quote)));
        }
        return text.ToString();
    }

    /// <summary>A metric's values per initial condition, pooled over the completed runs of each category of an axis.</summary>
    private sealed record Distribution(string Metric, StudyAxis Axis, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> Categories);

    /// <summary>
    /// For each metric that the completed runs score per initial condition: its values per category of every categorical
    /// axis with the most categories (zipped axes repeat one partition; the one with most labels tells it best).
    /// </summary>
    private static List<Distribution> PerInitialCondition(StudyFolder study, StudyManifest manifest, List<(StudyRun Run, RunStatus Status)> rows, List<string> metrics)
    {
        var completed = rows.Where(r => r.Status.State == RunState.Completed).ToList();
        var categorical = manifest.Axes.Where(a => a.Kind is not (SweepAxisKind.Seed or SweepAxisKind.Numeric) && a.Labels.Distinct().Count() >= 2).ToList();
        if (completed.Count == 0 || categorical.Count == 0) return [];
        int most = categorical.Max(a => a.Labels.Distinct().Count());
        var result = new List<Distribution>();
        foreach (var axis in categorical.Where(a => a.Labels.Distinct().Count() == most))
            foreach (var metric in metrics)
            {
                var values = completed.Where(r => r.Run.Values.ContainsKey(axis.Path))
                    .Select(r => (r.Run, Values: study.PerInitialCondition(r.Run.Id, metric))).Where(v => v.Values.Count > 0).ToList();
                if (values.Count == 0) continue;
                var categories = axis.Labels.Distinct().Select(label => (Label: label, Values: (IReadOnlyList<double>)values
                    .Where(v => axis.Labels[v.Run.Values[axis.Path]] == label).SelectMany(v => v.Values).Where(double.IsFinite).ToList())).ToList();
                result.Add(new Distribution(metric, axis, categories));
            }
        return result;
    }

    private static string Markdown(StudyFolder study, StudyManifest manifest, List<(StudyRun Run, RunStatus Status)> rows, List<string> metrics,
        List<Distribution> distributions, List<string> plots)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Study {Path.GetFileName(study.Root)}").AppendLine();
        text.AppendLine($"Config `{manifest.Config}`{(manifest.Overrides.Count > 0 ? $" with `--set {string.Join(" --set ", manifest.Overrides)}`" : "")}; " +
                        $"{rows.Count} runs: " + string.Join(", ", rows.GroupBy(r => r.Status.StateName).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")) + ".");
        text.AppendLine();
        var header = new[] { "#", "id" }.Concat(manifest.Axes.Select(a => a.Name)).Concat(["status", "wall (s)"]).Concat(metrics).ToList();
        text.AppendLine("| " + string.Join(" | ", header.Select(Cell)) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var (run, status) in rows)
        {
            var cells = new List<string> { run.Index.ToString(CultureInfo.InvariantCulture), run.Id };
            cells.AddRange(manifest.Axes.Select(a => StudyManifest.Label(run, a)));
            cells.Add(status.StateName);
            cells.Add(Number(status.WallSeconds, "F1"));
            cells.AddRange(metrics.Select(m => Number(status.Metrics.TryGetValue(m, out var v) ? v : null, "G4")));
            text.AppendLine("| " + string.Join(" | ", cells.Select(Cell)) + " |");
        }
        foreach (var d in distributions)
        {
            text.AppendLine().AppendLine($"## {d.Metric} per initial condition, by {d.Axis.Name}").AppendLine();
            text.AppendLine("| " + Cell(d.Axis.Name) + " | initial conditions | mean | median | quartiles | min | max |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (label, values) in d.Categories)
            {
                var sorted = values.Order().ToArray();
                text.AppendLine(sorted.Length == 0 ? $"| {Cell(label)} | 0 | | | | | |"
                    : $"| {Cell(label)} | {sorted.Length} | {Number(sorted.Average(), "G4")} | {Number(StudyPlots.Quantile(sorted, 0.5), "G4")} | " +
                      $"{Number(StudyPlots.Quantile(sorted, 0.25), "G4")}–{Number(StudyPlots.Quantile(sorted, 0.75), "G4")} | {Number(sorted[0], "G4")} | {Number(sorted[^1], "G4")} |");
            }
        }
        var failed = rows.Where(r => r.Status.Error is not null).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine().AppendLine("## Errors").AppendLine();
            foreach (var (run, status) in failed)
                text.AppendLine($"- run {run.Index} `{run.Id}` ({Cell(run.Description)}): {Cell(status.Error!.ReplaceLineEndings(" "))}");
        }
        if (plots.Count > 0)
        {
            text.AppendLine().AppendLine("## Plots").AppendLine();
            foreach (var plot in plots) text.AppendLine($"![{Path.GetFileName(plot)}]({plot.Replace('\\', '/')}.png)");
        }
        return text.ToString();
    }

    /// <summary>Writes the figures; returns their paths without extension.</summary>
    private static List<string> Plot(StudyManifest manifest, List<(StudyRun Run, RunStatus Status)> rows, List<string> metrics, string directory)
    {
        var written = new List<string>();
        var completed = rows.Where(r => r.Status.State == RunState.Completed).ToList();
        if (completed.Count == 0) return written;
        var varied = manifest.Axes.Where(a => a.Kind != SweepAxisKind.Seed && a.Labels.Distinct().Count() >= 2).ToList();
        // An axis zipped with an earlier one (in every planned run, each of the earlier axis's values comes with the same
        // value of it) tells nothing new: it gets no figure of its own and no place in the legends.
        var plotted = varied.Where((a, i) => !varied.Take(i).Any(earlier => Determines(earlier, a, rows))).ToList();
        foreach (var axis in plotted)
        {
            var others = plotted.Where(a => a != axis).ToList();
            foreach (var metric in metrics)
            {
                var points = completed.Where(r => r.Run.Values.ContainsKey(axis.Path) && r.Status.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v))
                    .Select(r => (r.Run, Value: r.Status.Metrics[metric])).ToList();
                if (points.Count == 0) continue;
                Directory.CreateDirectory(directory);
                if (axis.Kind == SweepAxisKind.Numeric)
                {
                    var series = points.GroupBy(p => string.Join(", ", others.Select(o => $"{o.Name}={StudyManifest.Label(p.Run, o)}")))
                        .OrderBy(g => g.Min(p => p.Run.Index))
                        .Select(g => (Label: g.Key.Length == 0 ? metric : g.Key,
                            Points: (IReadOnlyList<(double, double, double, double)>)g.GroupBy(p => axis.Numbers[p.Run.Values[axis.Path]]!.Value)
                                .Select(x => (x.Key, x.Average(p => p.Value), x.Min(p => p.Value), x.Max(p => p.Value))).ToList()))
                        .ToList();
                    string path = Path.Combine(directory, $"{Slug(metric)}_vs_{Slug(axis.Name)}");
                    StudyPlots.MetricVsNumber(path, metric, axis.Name, series);
                    written.Add(path);
                }
                else
                {
                    // Zipped axes repeat values: one category per distinct label.
                    var categories = axis.Labels.Distinct().Select(label => (Label: label,
                        Values: (IReadOnlyList<double>)points.Where(p => axis.Labels[p.Run.Values[axis.Path]] == label).Select(p => p.Value).ToList())).ToList();
                    string path = Path.Combine(directory, $"{Slug(metric)}_by_{Slug(axis.Name)}");
                    StudyPlots.MetricPerCategory(path, metric, axis.Name, categories);
                    written.Add(path);
                }
            }
        }
        return written;
    }

    /// <summary>Whether every value of <paramref name="a"/> comes with one value of <paramref name="b"/> in these runs.</summary>
    private static bool Determines(StudyAxis a, StudyAxis b, List<(StudyRun Run, RunStatus Status)> runs) =>
        runs.Where(r => r.Run.Values.ContainsKey(a.Path) && r.Run.Values.ContainsKey(b.Path))
            .GroupBy(r => a.Labels[r.Run.Values[a.Path]])
            .All(g => g.Select(r => b.Labels[r.Run.Values[b.Path]]).Distinct().Count() == 1);

    private static string Number(double? value, string format) =>
        value is { } v ? (double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "NaN") : "";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");

    private static string Slug(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
