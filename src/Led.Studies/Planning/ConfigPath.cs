using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Led.Studies.Planning;

/// <summary>
/// Dotted config paths (<c>encoder.options.latentDim</c>, <c>encoder.options.channels[0]</c>) read and written on a JSON
/// document. Property names match case-insensitively, as the config binder does.
/// </summary>
public static class ConfigPath
{
    /// <summary>How config files are parsed (as Microsoft.Extensions.Configuration.Json does: comments and trailing commas allowed).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The segments of a path: property names (string) and list indices (int); null when the path is malformed.</summary>
    public static IReadOnlyList<object>? Parse(string path)
    {
        var segments = new List<object>();
        if (string.IsNullOrWhiteSpace(path)) return null;
        foreach (var part in path.Split('.'))
        {
            string name = part;
            var indices = new List<int>();
            while (name.EndsWith(']'))
            {
                int open = name.LastIndexOf('[');
                if (open < 0 || !int.TryParse(name[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int index)) return null;
                indices.Insert(0, index);
                name = name[..open];
            }
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '[' or ']' or ':' or '"')) return null;
            segments.Add(name);
            segments.AddRange(indices.Cast<object>());
        }
        return segments;
    }

    /// <summary>The node at <paramref name="path"/>, or null when absent.</summary>
    public static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var segment in Parse(path) ?? [])
        {
            node = segment switch
            {
                string name when node is JsonObject o => Find(o, name) is { } key ? o[key] : null,
                int index when node is JsonArray a && index < a.Count => a[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>
    /// Sets <paramref name="path"/> to a copy of <paramref name="value"/>, creating missing objects on the way; a null
    /// value removes the key (the default applies). Throws <see cref="InvalidOperationException"/> when the path goes
    /// through a value that is not an object (or a list too short for an index).
    /// </summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = Parse(path) ?? throw new InvalidOperationException($"'{path}' is not a config path (expected e.g. encoder.options.latentDim)");
        JsonNode node = root;
        string at = "";
        for (int i = 0; i < segments.Count; i++)
        {
            bool last = i == segments.Count - 1;
            switch (segments[i])
            {
                case string name when node is JsonObject o:
                {
                    string key = Find(o, name) ?? name;
                    if (last)
                    {
                        if (value is null) o.Remove(key);
                        else o[key] = value.DeepClone();
                        return;
                    }
                    if (o[key] is null)
                        o[key] = segments[i + 1] is int ? new JsonArray() : new JsonObject();
                    node = o[key]!;
                    at = at.Length == 0 ? key : $"{at}.{key}";
                    break;
                }
                case int index when node is JsonArray a:
                {
                    if (index > a.Count || (index == a.Count && !last))
                        throw new InvalidOperationException($"cannot set {path}: {at} has {a.Count} items");
                    if (last)
                    {
                        if (index == a.Count) a.Add(value?.DeepClone());
                        else a[index] = value?.DeepClone();
                        return;
                    }
                    node = a[index] ?? throw new InvalidOperationException($"cannot set {path}: {at}[{index}] is null");
                    at = $"{at}[{index}]";
                    break;
                }
                default:
                    throw new InvalidOperationException($"cannot set {path}: {(at.Length == 0 ? "the document" : at)} is {Describe(node)}, not " +
                                                        (segments[i] is int ? "a list" : "an object"));
            }
        }
    }

    /// <summary>Removes and returns the top-level property <paramref name="name"/> (case-insensitive).</summary>
    public static JsonNode? Remove(JsonObject root, string name)
    {
        if (Find(root, name) is not { } key) return null;
        var node = root[key];
        root.Remove(key);
        return node;
    }

    /// <summary>True when the property <paramref name="name"/> exists (case-insensitive).</summary>
    public static bool Has(JsonObject root, string name) => Find(root, name) is not null;

    /// <summary>A text form that is equal for equal values: objects' keys sorted (ordinal, ignoring case), no whitespace.</summary>
    public static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>A <c>--set</c> value: JSON when it parses as JSON (numbers, true, [1, 2], {…}), otherwise a string.</summary>
    public static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>The path written with lower-case names (for hashing and comparing paths).</summary>
    public static string Normalise(string path) => path.Trim().ToLowerInvariant();

    private static string? Find(JsonObject o, string name)
    {
        if (o.ContainsKey(name)) return name;
        foreach (var (key, _) in o)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return key;
        return null;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => $"the value {node.ToJsonString()}",
    };

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject o:
                text.Append('{');
                bool first = true;
                foreach (var (key, value) in o.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).ThenBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (!first) text.Append(',');
                    first = false;
                    text.Append(JsonSerializer.Serialize(key.ToLowerInvariant())).Append(':');
                    Write(value, text);
                }
                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (int i = 0; i < a.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(a[i], text);
                }
                text.Append(']');
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }
}
