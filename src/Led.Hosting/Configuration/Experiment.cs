using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Led.Hosting.Configuration;

/// <summary>A loaded, fully validated experiment: the typed config and each component with its bound options.</summary>
public sealed class Experiment
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public Experiment(ExperimentConfig config, IReadOnlyDictionary<string, ResolvedComponent> components, string? source)
    {
        Config = config;
        Components = components;
        Source = source;
    }

    public ExperimentConfig Config { get; }

    /// <summary>Components by section name (<c>system</c>, <c>encoder</c>, <c>propagator</c>).</summary>
    public IReadOnlyDictionary<string, ResolvedComponent> Components { get; }

    /// <summary>The config file, or null for the built-in quickstart.</summary>
    public string? Source { get; }

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
