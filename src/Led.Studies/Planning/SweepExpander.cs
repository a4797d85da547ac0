using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Hosting.Configuration;

namespace Led.Studies.Planning;

/// <summary>
/// Expands a config's <c>sweep</c> section into runs. The section holds axes — config paths with lists of values — in
/// <c>grid</c> (every combination), <c>zip</c> (lists of equal length taken together; an object, or a list of such
/// groups) and <c>repeat</c> (a number of seeds counted up from the config's <c>seed</c>, or a list of seeds); any other
/// key is a grid axis. A value may be a whole section (e.g. a list of <c>encoder</c> sections); <c>null</c> removes the
/// key so that its default applies. Axes vary in the order written, the first slowest, seeds fastest.
/// </summary>
public static class SweepExpander
{
    /// <summary>Most runs a sweep may expand to.</summary>
    public const int MaxRuns = 100_000;

    private static readonly string[] Forbidden = ["sweep", "output", "output.directory", "plugins"];

    /// <summary>Reads a config file as JSON and applies <c>--set path=value</c> overrides (values parsed as JSON when they are).</summary>
    public static JsonObject? Read(string path, IEnumerable<string>? overrides, List<ConfigError> errors)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            errors.Add(new ConfigError("", $"config file not found: {full}"));
            return null;
        }
        JsonObject document;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(full), documentOptions: ConfigPath.DocumentOptions) is not JsonObject o)
            {
                errors.Add(new ConfigError("", $"{full}: a config is a JSON object {{ … }}"));
                return null;
            }
            document = o;
        }
        catch (JsonException ex)
        {
            errors.Add(new ConfigError("", $"{full} is not valid JSON: {ex.Message}"));
            return null;
        }
        foreach (var item in overrides ?? [])
        {
            int eq = item.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add(new ConfigError("", $"--set '{item}': expected path=value, e.g. encoder.options.latentDim=4"));
                continue;
            }
            try
            {
                ConfigPath.Set(document, item[..eq].Trim(), ConfigPath.ParseValue(item[(eq + 1)..].Trim()));
            }
            catch (InvalidOperationException ex)
            {
                errors.Add(new ConfigError(item[..eq].Trim(), $"--set: {ex.Message}"));
            }
        }
        return document;
    }

    /// <summary>Expands <paramref name="document"/>; returns null with every problem in <paramref name="errors"/>.</summary>
    public static SweepPlan? Expand(JsonObject document, List<ConfigError> errors)
    {
        int before = errors.Count;
        var baseDocument = document.DeepClone().AsObject();
        var sweep = ConfigPath.Remove(baseDocument, "sweep");
        if (sweep is not JsonObject section)
        {
            errors.Add(new ConfigError("sweep", sweep is null
                ? "this config has no sweep section: add one, e.g. \"sweep\": { \"grid\": { \"encoder.options.latentDim\": [4, 8] }, \"repeat\": 3 }"
                : "expects an object, e.g. { \"grid\": { \"encoder.options.latentDim\": [4, 8] }, \"repeat\": 3 }"));
            return null;
        }

        var dimensions = new List<List<SweepAxis>>();
        SweepAxis? repeat = null;
        foreach (var (key, value) in section)
        {
            switch (key.ToLowerInvariant())
            {
                case "grid":
                    if (value is not JsonObject grid)
                    {
                        errors.Add(new ConfigError("sweep.grid", "expects an object of config paths and lists, e.g. { \"encoder.options.latentDim\": [4, 8] }"));
                        break;
                    }
                    foreach (var (path, values) in grid)
                        if (Axis(path, values, $"sweep.grid['{path}']", errors) is { } axis) dimensions.Add([axis]);
                    break;
                case "zip":
                    var groups = value switch
                    {
                        JsonObject one => [(one, "sweep.zip")],
                        JsonArray many => many.Select((g, i) => (g as JsonObject, $"sweep.zip[{i}]")).ToList(),
                        _ => null,
                    };
                    if (groups is null || groups.Any(g => g.Item1 is null))
                    {
                        errors.Add(new ConfigError("sweep.zip", "expects an object of config paths and lists of equal length (or a list of such objects), " +
                                                                "e.g. { \"propagator.options.hidden\": [16, 64], \"training.learningRate\": [0.01, 0.001] }"));
                        break;
                    }
                    foreach (var (group, at) in groups)
                    {
                        var axes = group!.Select(kv => Axis(kv.Key, kv.Value, $"{at}['{kv.Key}']", errors)).ToList();
                        if (axes.Any(a => a is null) || axes.Count == 0) continue;
                        var lengths = axes.Select(a => a!.Values.Count).Distinct().ToList();
                        if (lengths.Count > 1)
                        {
                            errors.Add(new ConfigError(at, "zipped lists must have the same length; got " +
                                                           string.Join(", ", axes.Select(a => $"{a!.Path}: {a.Values.Count}"))));
                            continue;
                        }
                        dimensions.Add(axes!);
                    }
                    break;
                case "repeat":
                    repeat = Repeat(value, baseDocument, errors);
                    break;
                default:
                    if (Axis(key, value, $"sweep['{key}']", errors) is { } shorthand) dimensions.Add([shorthand]);
                    break;
            }
        }
        if (repeat is not null) dimensions.Add([repeat]);

        var all = dimensions.SelectMany(d => d).ToList();
        foreach (var duplicate in all.GroupBy(a => ConfigPath.Normalise(a.Path)).Where(g => g.Count() > 1))
            errors.Add(new ConfigError(duplicate.Last().Source, $"'{duplicate.First().Path}' is swept twice (also at {duplicate.First().Source})" +
                                                                (duplicate.Key == "seed" ? "; use either repeat or a seed axis" : "")));
        if (all.Count == 0 && errors.Count == before)
            errors.Add(new ConfigError("sweep", "has no axes: add config paths with lists of values, e.g. \"grid\": { \"encoder.options.latentDim\": [4, 8] }"));
        long total = dimensions.Aggregate(1L, (n, d) => n * Math.Max(1, d[0].Values.Count));
        if (total > MaxRuns) errors.Add(new ConfigError("sweep", $"expands to {total} runs; at most {MaxRuns} are allowed"));
        if (errors.Count > before) return null;

        foreach (var axis in all)
        {
            string last = axis.Path.Split('.')[^1];
            bool unique = all.Count(a => string.Equals(a.Path.Split('.')[^1], last, StringComparison.OrdinalIgnoreCase)) == 1;
            axis.Name = unique ? last : axis.Path;
        }

        var runs = new List<SweepRun>();
        var seen = new Dictionary<string, SweepRun>();
        foreach (var combination in Combinations(dimensions))
        {
            var changes = combination.ToList();
            var run = new SweepRun(runs.Count, changes, baseDocument.DeepClone().AsObject());
            // Whole sections first, then the paths inside them.
            foreach (var change in changes.OrderBy(c => ConfigPath.Parse(c.Axis.Path)!.Count))
            {
                try
                {
                    ConfigPath.Set(run.Document, change.Axis.Path, change.Value);
                }
                catch (InvalidOperationException ex)
                {
                    errors.Add(new ConfigError(change.Axis.Path, $"{run}: {ex.Message}"));
                }
            }
            if (seen.TryGetValue(run.Id, out var twin))
                errors.Add(new ConfigError("sweep", $"{run} repeats {twin}: the same changes would run twice; remove the duplicate value"));
            else
                seen[run.Id] = run;
            runs.Add(run);
        }
        return errors.Count > before ? null : new SweepPlan(baseDocument, all, runs);
    }

    private static SweepAxis? Axis(string path, JsonNode? values, string source, List<ConfigError> errors)
    {
        if (ConfigPath.Parse(path) is null)
        {
            errors.Add(new ConfigError(source, $"'{path}' is not a config path (expected e.g. encoder.options.latentDim or encoder)"));
            return null;
        }
        string normal = ConfigPath.Normalise(path);
        if (Forbidden.Any(f => normal == f || normal.StartsWith(f + ".", StringComparison.Ordinal) || normal.StartsWith(f + "[", StringComparison.Ordinal)))
        {
            errors.Add(new ConfigError(source, normal.StartsWith("output", StringComparison.Ordinal)
                ? "output.directory is the study folder and cannot be swept (each run gets <study>/<id>)"
                : $"'{path}' cannot be swept"));
            return null;
        }
        if (values is not JsonArray list || list.Count == 0)
        {
            errors.Add(new ConfigError(source, $"expects a non-empty list of values, e.g. [1, 2, 4]{(values is null ? "" : $"; got {values.ToJsonString()}")}"));
            return null;
        }
        var items = list.Select(v => v?.DeepClone()).ToList();
        var kind = normal == "seed" ? SweepAxisKind.Seed
            : items.All(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.Number) ? SweepAxisKind.Numeric
            : SweepAxisKind.Category;
        return new SweepAxis(path, source, items, kind);
    }

    private static SweepAxis? Repeat(JsonNode? value, JsonObject baseDocument, List<ConfigError> errors)
    {
        const string usage = "expects a number of seeds (counted up from the config's seed) or a list of seeds, e.g. 3 or [1, 2, 3]";
        if (value is JsonValue count && count.GetValueKind() == JsonValueKind.Number)
        {
            if (!count.TryGetValue<int>(out int n) || n < 1 || n > MaxRuns)
            {
                errors.Add(new ConfigError("sweep.repeat", $"{usage}; got {count.ToJsonString()}"));
                return null;
            }
            int first = 1;
            if (ConfigPath.Get(baseDocument, "seed") is JsonValue seed && !seed.TryGetValue(out first) &&
                !(seed.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out first)))
                first = 1;
            return new SweepAxis("seed", "sweep.repeat", Enumerable.Range(0, n).Select(i => (JsonNode?)JsonValue.Create(first + i)).ToList(), SweepAxisKind.Seed);
        }
        if (value is JsonArray seeds && seeds.Count > 0 && seeds.All(s => s is JsonValue v && v.TryGetValue<int>(out _)))
            return new SweepAxis("seed", "sweep.repeat", seeds.Select(s => s?.DeepClone()).ToList(), SweepAxisKind.Seed);
        errors.Add(new ConfigError("sweep.repeat", $"{usage}; got {value?.ToJsonString() ?? "null"}"));
        return null;
    }

    private static IEnumerable<IEnumerable<SweepChange>> Combinations(List<List<SweepAxis>> dimensions)
    {
        IEnumerable<IEnumerable<SweepChange>> result = [[]];
        foreach (var dimension in dimensions)
        {
            int count = dimension[0].Values.Count;
            var options = Enumerable.Range(0, count).Select(i => dimension.Select(axis => new SweepChange(axis, i)).ToList()).ToList();
            result = result.SelectMany(prefix => options.Select(option => prefix.Concat(option)));
        }
        return result;
    }
}
