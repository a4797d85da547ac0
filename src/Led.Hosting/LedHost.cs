using Led.Hosting.Components;
using Led.Hosting.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Hosting;

/// <summary>The loaded plugins, the components they offer and the service container built after all of them registered.</summary>
public sealed class LedHost : IDisposable
{
    private LedHost(PluginCatalog catalog, ComponentRegistry registry, ServiceProvider services)
    {
        Catalog = catalog;
        Registry = registry;
        Services = services;
    }

    public PluginCatalog Catalog { get; }

    public ComponentRegistry Registry { get; }

    public IServiceProvider Services { get; }

    /// <summary>Every discovery problem: folders that did not load and names claimed twice.</summary>
    public IEnumerable<PluginProblem> Problems => Catalog.Problems.Concat(Registry.Problems);

    /// <summary>Loads the plugins under the default search folders plus <paramref name="extraFolders"/>.</summary>
    public static LedHost Start(IEnumerable<string>? extraFolders = null, IEnumerable<string>? searchFolders = null)
    {
        var catalog = PluginCatalog.Load(searchFolders ?? PluginCatalog.SearchFolders(extraFolders));
        var registry = new ComponentRegistry(catalog.Plugins);
        IServiceCollection services = new ServiceCollection();
        foreach (var descriptor in catalog.Services) services.Add(descriptor);
        return new LedHost(catalog, registry, services.BuildServiceProvider());
    }

    public void Dispose() => ((IDisposable)Services).Dispose();
}
