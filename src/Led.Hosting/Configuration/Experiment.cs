using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Led.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Led.Hosting.Configuration;

/// <summary>A loaded, fully validated experiment: the typed config and each component with its bound options.</summary>
public sealed class Experiment
{
    /// <summary>
    /// How configs are written: camelCase, indented, enums as camelCase words (as configs spell them; a plugin's enum needs
    /// no attribute of its own), and only the properties a config can set (those with a setter, as the binder reads them);
    /// derived get-only properties of options classes are left out. So a run's resolved config reads back.
    /// </summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SettableOnly } },
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static void SettableOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (int i = info.Properties.Count - 1; i >= 0; i--)
            if (info.Properties[i].Set is null && info.Properties[i].AttributeProvider is System.Reflection.PropertyInfo { CanWrite: false })
                info.Properties.RemoveAt(i);
    }

    private readonly IConfiguration? _root;

    /// <param name="config">The bound config.</param>
    /// <param name="components">Components by section name.</param>
    /// <param name="source">The config file, or null.</param>
    /// <param name="root">The configuration the config was bound from, which tells the keys it sets itself; null: none.</param>
    public Experiment(ExperimentConfig config, IReadOnlyDictionary<string, ResolvedComponent> components, string? source, IConfiguration? root = null)
    {
        Config = config;
        Components = components;
        Source = source;
        _root = root;
    }

    public ExperimentConfig Config { get; }

    /// <summary>Components by section name (<c>system</c>, <c>encoder</c>, <c>propagator</c>).</summary>
    public IReadOnlyDictionary<string, ResolvedComponent> Components { get; }

    /// <summary>The config file, or null for the built-in quickstart.</summary>
    public string? Source { get; }

    /// <summary>
    /// Whether the config (or an override) sets a JSON path such as <c>training.learningRate</c> or <c>metrics[0].name</c>
    /// itself, rather than leaving it at its default.
    /// </summary>
    public bool IsSet(string path) =>
        _root is not null && _root.GetSection(path.Replace("[", ".").Replace("]", "").Replace('.', ':')).Exists();

    /// <summary>The config with every default filled in, as written next to a run's results.</summary>
    public JsonObject Resolved()
    {
        var root = JsonSerializer.SerializeToNode(Config, Json)!.AsObject();
        foreach (var (section, component) in Components)
        {
            var node = section.StartsWith("metrics[", StringComparison.Ordinal)
                ? root["metrics"]![int.Parse(section["metrics[".Length..^1])]!
                : root[section]!;
            node.AsObject()["options"] = JsonSerializer.SerializeToNode(component.Options, component.Registration.OptionsType, Json);
        }
        return root;
    }
}
