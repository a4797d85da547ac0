using Led.Abstractions.Plugins;
using Led.Core.Configuration;
using Led.Hosting.Components;
using Microsoft.Extensions.Configuration;

namespace Led.Hosting.Configuration;

/// <summary>Reads a JSON experiment, binds every section and every component's options, and reports all errors at once.</summary>
public static class ExperimentLoader
{
    /// <summary>Component sections and the kinds each may name (the first that offers the name wins).</summary>
    public static readonly IReadOnlyDictionary<string, ComponentKind[]> ComponentSections = new Dictionary<string, ComponentKind[]>
    {
        ["system"] = [ComponentKind.System],
        ["encoder"] = [ComponentKind.Autoencoder, ComponentKind.Encoder],
        ["decoder"] = [ComponentKind.Decoder],
        ["propagator"] = [ComponentKind.Propagator],
    };

    /// <summary>Reads a config file; <paramref name="overrides"/> are <c>path=value</c> pairs (e.g. <c>seed=3</c>, <c>encoder.options.latentDim=4</c>).</summary>
    public static IConfigurationRoot Read(string path, IEnumerable<string>? overrides, List<ConfigError> errors)
    {
        var builder = new ConfigurationBuilder();
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            errors.Add(new ConfigError("", $"config file not found: {full}"));
        else
            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        builder.AddInMemoryCollection(ParseOverrides(overrides, errors));
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            string where = JsonSyntax.Error(File.ReadAllText(full)) ?? (ex.InnerException ?? ex).Message;
            errors.Add(new ConfigError("", $"{full} is not valid JSON: {where}"));
            return new ConfigurationBuilder().Build();
        }
    }

    /// <summary>Reads a config from a JSON stream (e.g. the built-in quickstart).</summary>
    public static IConfigurationRoot Read(Stream json, string name, IEnumerable<string>? overrides, List<ConfigError> errors)
    {
        var builder = new ConfigurationBuilder().AddJsonStream(json).AddInMemoryCollection(ParseOverrides(overrides, errors));
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            errors.Add(new ConfigError("", $"{name} is not valid JSON: {(ex.InnerException ?? ex).Message}"));
            return new ConfigurationBuilder().Build();
        }
    }

    /// <summary>Binds and validates a config; returns null when there were errors (all of them in <paramref name="errors"/>).</summary>
    public static Experiment? Bind(IConfiguration root, ComponentRegistry registry, string? source, List<ConfigError> errors)
    {
        int before = errors.Count;
        var config = (ExperimentConfig)OptionsBinder.Bind(root, typeof(ExperimentConfig), "", errors);
        var components = new Dictionary<string, ResolvedComponent>();
        var sections = ComponentSections.Select(kv => (kv.Key, kv.Value))
            .Concat(root.GetSection("metrics").GetChildren().Select(c => ($"metrics[{c.Key}]", new[] { ComponentKind.Metric })));
        foreach (var (section, kinds) in sections)
        {
            var raw = root.GetSection(section.Replace("[", ":").Replace("]", ""));
            if (!raw.Exists()) continue; // absent, or null as a resolved config writes an unused slot
            string? name = raw["name"];
            if (string.IsNullOrWhiteSpace(name)) continue; // reported by the [Required] rule or the binder
            if (!registry.TryFind(kinds, name, out var registration, out var error))
            {
                errors.Add(new ConfigError($"{section}.name", error!));
                continue;
            }
            var options = OptionsBinder.Bind(raw.GetSection("options"), registration!.OptionsType, $"{section}.options", errors);
            components[section] = new ResolvedComponent(section, registration, options);
        }
        CheckSlots(components, errors);
        return errors.Count > before ? null : new Experiment(config, components, source, root);
    }

    /// <summary>An encoder alone needs a decoder; an autoencoder fills both slots.</summary>
    private static void CheckSlots(Dictionary<string, ResolvedComponent> components, List<ConfigError> errors)
    {
        if (!components.TryGetValue("encoder", out var encoder)) return;
        bool pair = encoder.Registration.Kind == ComponentKind.Autoencoder;
        if (pair && components.TryGetValue("decoder", out var decoder))
            errors.Add(new ConfigError("decoder", $"encoder {encoder.Registration.Name} is an autoencoder and decodes itself; remove the decoder section " +
                                                  $"({decoder.Registration.Name}) or name an encoder that has no decoder of its own"));
        if (!pair && !components.ContainsKey("decoder"))
            errors.Add(new ConfigError("decoder", $"encoder {encoder.Registration.Name} has no decoder of its own: add a section " +
                                                  "\"decoder\": { \"name\": …, \"options\": { … } } naming a decoder"));
    }

    private static Dictionary<string, string?> ParseOverrides(IEnumerable<string>? overrides, List<ConfigError> errors)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in overrides ?? [])
        {
            int eq = item.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add(new ConfigError("", $"--set '{item}': expected path=value, e.g. encoder.options.latentDim=4"));
                continue;
            }
            result[item[..eq].Trim().Replace('.', ':')] = item[(eq + 1)..].Trim();
        }
        return result;
    }
}
