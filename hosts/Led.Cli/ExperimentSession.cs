using Led.Core;
using Led.Core.Compute;
using Led.Hosting;
using Led.Hosting.Components;
using Led.Hosting.Configuration;
using Led.Hosting.Experiments;
using Led.Hosting.Plugins;
using Microsoft.Extensions.Configuration;

namespace Led.Cli;

/// <summary>A config read, its plugins loaded and everything validated: what every experiment command starts from.</summary>
public sealed class ExperimentSession : IDisposable
{
    private ExperimentSession(LedHost host, Experiment experiment)
    {
        Host = host;
        Experiment = experiment;
        Components = new ComponentFactory(host.Services, experiment, host.Registry);
        Composer = new ExperimentComposer(experiment, Components);
    }

    /// <summary>The config's components as a system and an experiment.</summary>
    public ExperimentComposer Composer { get; }

    public LedHost Host { get; }

    public Experiment Experiment { get; }

    public IComponentFactory Components { get; }

    /// <summary>Opens a config file, or the built-in quickstart when <paramref name="configPath"/> is null. Throws <see cref="InvalidInputException"/> with every problem.</summary>
    public static ExperimentSession Open(string? configPath, IReadOnlyList<string> overrides)
    {
        var errors = new List<ConfigError>();
        IConfigurationRoot root;
        if (configPath is null)
        {
            using var stream = typeof(ExperimentSession).Assembly.GetManifestResourceStream("quickstart.json")!;
            root = ExperimentLoader.Read(stream, "the built-in quickstart", overrides, errors);
        }
        else
            root = ExperimentLoader.Read(configPath, overrides, errors);
        if (errors.Count > 0) throw Invalid(errors);

        var extra = root.GetSection("plugins").GetChildren().Select(c => c.Value).OfType<string>()
            .Select(p => configPath is null ? p : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, p));
        var host = LedHost.Start(extra);
        foreach (var problem in host.Problems) Console.Error.WriteLine($"warning: plugin: {problem}");
        var experiment = ExperimentLoader.Bind(root, host.Registry, configPath is null ? null : Path.GetFullPath(configPath), errors);
        if (experiment is null)
        {
            var problems = errors.Select(e => e.ToString()).ToList();
            host.Dispose();
            throw new InvalidInputException(problems);
        }
        return new ExperimentSession(host, experiment);
    }

    /// <summary>Sets up torch (device, precision, threads, seed) as the config says.</summary>
    public DeviceContext CreateDevice()
    {
        var c = Experiment.Config;
        try
        {
            return DeviceContext.Create(c.Device, c.Precision, c.Threads, c.Seed);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException([$"device: {ex.Message}"]);
        }
    }

    public IEnumerable<LoadedPlugin> PluginsInUse =>
        Host.Catalog.Plugins.Where(p => p.Components.Any(c => Experiment.Components.Values.Any(r => r.Registration == c)));

    public void Dispose() => Host.Dispose();

    private static InvalidInputException Invalid(IEnumerable<ConfigError> errors) => new(errors.Select(e => e.ToString()).ToList());
}
