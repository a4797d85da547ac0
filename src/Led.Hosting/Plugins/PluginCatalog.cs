using System.Reflection;
using Led.Abstractions.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Hosting.Plugins;

/// <summary>
/// Discovers and loads plugins: every folder <c>&lt;search folder&gt;/&lt;Name&gt;/</c> holding <c>&lt;Name&gt;.dll</c>.
/// Each assembly loads in its own context sharing the abstractions, Microsoft.Extensions.* (logging included) and TorchSharp with the host;
/// the toolkit (<c>Led.Toolkit</c>) is private: each plugin loads the copy it ships, even where the host has one loaded.
/// A plugin that cannot load is reported with its path and the reason; the others load regardless.
/// </summary>
public sealed class PluginCatalog
{
    /// <summary>Environment variable with extra plugin search folders (separated by the OS path separator).</summary>
    public const string PathVariable = "LED_PLUGIN_PATH";

    private static readonly Type[] SharedTypes = [typeof(ILedPlugin), typeof(IServiceCollection), typeof(Microsoft.Extensions.Logging.ILogger), typeof(TorchSharp.torch)];

    /// <summary>The company of the plugin assemblies that ship with LED.NET.</summary>
    private const string BuiltInCompany = "LED.NET";

    /// <summary>Assemblies every plugin loads from its own folder: helpers, never types exchanged with the host.</summary>
    private static readonly string[] PrivateAssemblies = ["Led.Toolkit"];

    private PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginProblem> problems, IServiceCollection services)
    {
        Plugins = plugins;
        Problems = problems;
        Services = services;
    }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    public IReadOnlyList<PluginProblem> Problems { get; }

    /// <summary>Services the plugins registered, to be added to the host's container.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The host's own plugin folder, <c>plugins/</c> next to it: where the built-in plugins are.</summary>
    public static string HostFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The default search folders: <c>plugins/</c> next to the host, then <see cref="PathVariable"/>, then <paramref name="extra"/>.</summary>
    public static IReadOnlyList<string> SearchFolders(IEnumerable<string>? extra = null)
    {
        var folders = new List<string> { HostFolder };
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            folders.AddRange(fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (extra is not null) folders.AddRange(extra);
        return folders.Select(Path.GetFullPath).Distinct().ToList();
    }

    /// <summary>
    /// The plugin folders that a config's <c>"plugins"</c> list names, resolved against the config's folder; empty where it
    /// has none. Throws <see cref="System.Text.Json.JsonException"/> for a config that is not JSON.
    /// </summary>
    public static IReadOnlyList<string> ConfigFolders(string configPath)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(configPath),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("plugins", out var list) || list.ValueKind != System.Text.Json.JsonValueKind.Array) return [];
        string directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        return list.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(e => Path.GetFullPath(Path.Combine(directory, e.GetString()!))).ToList();
    }

    /// <summary>
    /// Loads every plugin folder under the given search folders (hidden ones, starting with a dot, are skipped: installs in
    /// progress). A search folder other than <see cref="HostFolder"/> that
    /// does not exist or holds no plugin is reported (with a hint where it is a plugin's own folder rather than its parent).
    /// </summary>
    public static PluginCatalog Load(IEnumerable<string> searchFolders)
    {
        var plugins = new List<LoadedPlugin>();
        var problems = new List<PluginProblem>();
        IServiceCollection services = new ServiceCollection();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string hostFolder = Path.GetFullPath(HostFolder);
        foreach (var folder in searchFolders.Select(Path.GetFullPath))
        {
            bool userFolder = folder != hostFolder;
            if (!Directory.Exists(folder))
            {
                if (userFolder) problems.Add(new PluginProblem(folder, "the plugin folder does not exist: fix the path in the config's \"plugins\" list or " + PathVariable));
                continue;
            }
            int found = 0;
            foreach (var pluginFolder in Directory.GetDirectories(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                found++;
                if (!seen.Add(Path.GetFullPath(pluginFolder))) continue;
                var result = LoadOne(pluginFolder, builtIn: !userFolder);
                if (result.Problem is not null) problems.Add(result.Problem);
                if (result.Plugin is null) continue;
                plugins.Add(result.Plugin);
                foreach (var descriptor in result.Services!) services.Add(descriptor);
            }
            if (found == 0 && userFolder)
                problems.Add(new PluginProblem(folder, File.Exists(Path.Combine(folder, Path.GetFileName(folder) + ".dll"))
                    ? $"this is a plugin's own folder: name its parent, {Path.GetDirectoryName(folder)}, which holds one folder per plugin"
                    : "holds no plugin: a plugin folder holds one subfolder per plugin, <Name>/<Name>.dll"));
        }
        return new PluginCatalog(plugins, problems, services);
    }

    private static (LoadedPlugin? Plugin, IServiceCollection? Services, PluginProblem? Problem) LoadOne(string folder, bool builtIn)
    {
        string name = Path.GetFileName(folder);
        string dll = Path.Combine(folder, name + ".dll");
        if (!File.Exists(dll))
            return (null, null, new PluginProblem(folder, $"no loadable assembly: a plugin folder must contain {name}.dll (an assembly named after its folder)"));
        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(dll, SharedTypes, config =>
            {
                config.PreferSharedTypes = true;
                foreach (var name in PrivateAssemblies) config.PrivateAssemblies.Add(new AssemblyName(name));
            });
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or InvalidOperationException)
        {
            return (null, null, new PluginProblem(dll, $"not a loadable .NET assembly ({ex.GetType().Name}: {ex.Message})"));
        }

        if (AbstractionsMismatch(assembly) is { } mismatch) return (null, null, new PluginProblem(dll, mismatch));

        Type[] types;
        try { types = assembly.GetExportedTypes(); }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            return (null, null, new PluginProblem(dll, $"its types cannot be loaded ({ex.Message}); rebuild it against this LED.NET"));
        }
        var entries = types.Where(t => typeof(ILedPlugin).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        if (entries.Count != 1)
            return (null, null, new PluginProblem(dll, entries.Count == 0
                ? "no public class implements ILedPlugin: add one whose Register method registers the components"
                : $"{entries.Count} classes implement ILedPlugin ({string.Join(", ", entries.Select(t => t.Name))}); a plugin has exactly one entry point"));

        var builder = new PluginLedBuilder();
        try
        {
            var entry = (ILedPlugin)Activator.CreateInstance(entries[0])!;
            entry.Register(builder);
        }
        catch (Exception ex)
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            return (null, null, new PluginProblem(dll, $"registration failed in {entries[0].FullName}: {inner.GetType().Name}: {inner.Message}"));
        }
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                         ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        bool shipped = builtIn && assembly.GetCustomAttribute<AssemblyCompanyAttribute>()?.Company == BuiltInCompany;
        return (new LoadedPlugin(name, version, dll, builder.Components, shipped), builder.Services, null);
    }

    private static string? AbstractionsMismatch(Assembly plugin)
    {
        var host = typeof(ILedPlugin).Assembly.GetName();
        var used = plugin.GetReferencedAssemblies().FirstOrDefault(a => a.Name == host.Name);
        if (used is null)
            return $"it does not reference {host.Name}: a plugin is built against the LED.NET plugin SDK";
        if (used.Version is null || host.Version is null) return null;
        if (used.Version.Major != host.Version.Major || used.Version.Minor > host.Version.Minor)
            return $"built against {host.Name} {used.Version}, but this host provides {host.Version}: rebuild the plugin against {host.Version.Major}.{host.Version.Minor}";
        return null;
    }
}
