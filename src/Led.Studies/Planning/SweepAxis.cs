using System.Text.Json.Nodes;

namespace Led.Studies.Planning;

/// <summary>One swept config path and its values, with a short label per value for tables and plots.</summary>
public sealed class SweepAxis
{
    public SweepAxis(string path, string source, IReadOnlyList<JsonNode?> values, SweepAxisKind kind)
    {
        Path = path;
        Source = source;
        Values = values;
        Kind = kind;
        Labels = MakeLabels(values);
        Name = path;
    }

    /// <summary>The config path as written, e.g. <c>encoder.options.latentDim</c> or <c>encoder</c> (a whole section).</summary>
    public string Path { get; }

    /// <summary>Where the axis is declared, e.g. <c>sweep.grid['encoder.options.latentDim']</c>.</summary>
    public string Source { get; }

    public IReadOnlyList<JsonNode?> Values { get; }

    public IReadOnlyList<string> Labels { get; }

    public SweepAxisKind Kind { get; }

    /// <summary>A short name for tables: the last segment of the path when no other axis ends the same, else the path.</summary>
    public string Name { get; internal set; }

    /// <summary>The numeric values (null for values that are not numbers).</summary>
    public IReadOnlyList<double?> Numbers => Values.Select(v => v is JsonValue value && value.TryGetValue<double>(out var d) ? d : (double?)null).ToList();

    /// <summary>Labels: a number or string as written; a section by its <c>name</c> (numbered when names repeat); else compact JSON.</summary>
    private static List<string> MakeLabels(IReadOnlyList<JsonNode?> values)
    {
        var names = values.Select(v => v is JsonObject o && ConfigPath.Get(o, "name") is JsonValue n && n.TryGetValue<string>(out var s) ? s : null).ToList();
        var labels = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            var value = values[i];
            string label;
            if (value is null) label = "default";
            else if (names[i] is { } name)
                label = names.Count(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) == 1 ? name : $"{name}#{names.Take(i + 1).Count(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))}";
            else if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text)) label = text;
            else label = value.ToJsonString();
            labels.Add(label);
        }
        return labels;
    }
}
