using System.Reflection;
using System.Runtime.Loader;
using Led.Abstractions.Plugins;
using Led.Hosting.Components;
using Led.Hosting.Plugins;
using Led.Toolkit.Validation;

namespace Led.Hosting.Tests.Plugins;

public class PluginCatalogTests
{
    [Fact]
    public void DroppingAFolderAddsItsComponentsAndRemovingItTakesThemAway()
    {
        using var folder = new PluginFolder();
        Assert.Empty(PluginCatalog.Load([folder.Path]).Plugins);

        folder.Drop("Led.TestPlugins.Oscillator");
        var loaded = PluginCatalog.Load([folder.Path]);
        var plugin = Assert.Single(loaded.Plugins);
        Assert.Equal("Led.TestPlugins.Oscillator", plugin.Name);
        Assert.Equal("0.1.0", plugin.Version);
        Assert.Equal([(ComponentKind.System, "Oscillator"), (ComponentKind.Metric, "EnergyError"), (ComponentKind.Propagator, "Linear")], plugin.Components.Select(c => (c.Kind, c.Name)));
        Assert.Empty(loaded.Problems);

        folder.Remove("Led.TestPlugins.Oscillator");
        Assert.Empty(PluginCatalog.Load([folder.Path]).Plugins);
    }

    [Fact]
    public void AFolderWithoutItsAssemblyIsReportedAndTheOthersStillLoad()
    {
        using var folder = new PluginFolder();
        folder.Drop("Led.TestPlugins.Oscillator");
        Directory.CreateDirectory(Path.Combine(folder.Path, "Empty"));
        string garbage = Path.Combine(folder.Path, "Garbage");
        Directory.CreateDirectory(garbage);
        File.WriteAllText(Path.Combine(garbage, "Garbage.dll"), "not an assembly");

        var catalog = PluginCatalog.Load([folder.Path]);

        Assert.Single(catalog.Plugins);
        Assert.Equal(2, catalog.Problems.Count);
        var empty = Assert.Single(catalog.Problems, p => p.Path.EndsWith("Empty", StringComparison.Ordinal));
        Assert.Contains("must contain Empty.dll", empty.Reason);
        var bad = Assert.Single(catalog.Problems, p => p.Path.EndsWith("Garbage.dll", StringComparison.Ordinal));
        Assert.Contains("not a loadable .NET assembly", bad.Reason);
    }

    [Fact]
    public void APluginWhoseRegistrationThrowsIsReportedWithItsPathAndReason()
    {
        using var folder = new PluginFolder();
        folder.Drop("Led.TestPlugins.Oscillator");
        string dropped = folder.Drop("Led.TestPlugins.Throwing");

        var catalog = PluginCatalog.Load([folder.Path]);

        Assert.Equal(["Led.TestPlugins.Oscillator"], catalog.Plugins.Select(p => p.Name));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(Path.Combine(dropped, "Led.TestPlugins.Throwing.dll"), problem.Path);
        Assert.Contains("registration failed", problem.Reason);
        Assert.Contains("registration deliberately failed", problem.Reason);
    }

    [Fact]
    public void APluginRunsTheToolkitItShipsNotTheOneTheHostLoaded()
    {
        using var folder = new PluginFolder();
        string dropped = folder.Drop("Led.TestPlugins.Oscillator");
        var hostToolkit = typeof(OptionsValidation).Assembly;
        var system = Assert.Single(Assert.Single(PluginCatalog.Load([folder.Path]).Plugins).Components, c => c.Kind == ComponentKind.System);
        var options = Activator.CreateInstance(system.OptionsType)!;
        system.OptionsType.GetProperty("Frequency")!.SetValue(options, -1.0);

        var error = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(system.ImplementationType, options));

        Assert.Contains("invalid Oscillator options: frequency must be positive", error.InnerException!.Message);
        var pluginToolkit = Assert.Single(AssemblyLoadContext.GetLoadContext(system.ImplementationType.Assembly)!.Assemblies, a => a.GetName().Name == "Led.Toolkit");
        Assert.NotSame(hostToolkit, pluginToolkit);
        Assert.Equal(Path.Combine(dropped, "Led.Toolkit.dll"), pluginToolkit.Location);
    }

    [Theory]
    [InlineData("Led.TestPlugins.SdkOne", "1.1.0.0")]     // the previous major
    [InlineData("Led.TestPlugins.FutureSdk", "2.3.0.0")]  // a newer minor
    public void APluginBuiltAgainstAnotherSdkVersionIsRefusedWithTheFix(string plugin, string sdkVersion)
    {
        using var folder = new PluginFolder();
        folder.Drop(plugin);

        var catalog = PluginCatalog.Load([folder.Path]);

        Assert.Empty(catalog.Plugins);
        var problem = Assert.Single(catalog.Problems);
        Assert.Contains($"built against Led.Abstractions {sdkVersion}, but this host provides 2.2.0.0", problem.Reason);
        Assert.Contains("rebuild the plugin against 2.2", problem.Reason);
    }

    [Fact]
    public void ASearchFolderThatIsMissingEmptyOrAPluginsOwnFolderIsNamedWithTheFix()
    {
        using var folder = new PluginFolder();
        string own = folder.Drop("Led.TestPlugins.Oscillator");
        string empty = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "..", $"led-empty-{Guid.NewGuid():N}")).FullName;
        string missing = System.IO.Path.Combine(empty, "missing");
        try
        {
            var catalog = PluginCatalog.Load([own, empty, missing, folder.Path]);

            Assert.Equal(["Led.TestPlugins.Oscillator"], catalog.Plugins.Select(p => p.Name));
            Assert.Equal(
            [
                $"{own}: this is a plugin's own folder: name its parent, {folder.Path}, which holds one folder per plugin",
                $"{empty}: holds no plugin: a plugin folder holds one subfolder per plugin, <Name>/<Name>.dll",
                $"{missing}: the plugin folder does not exist: fix the path in the config's \"plugins\" list or LED_PLUGIN_PATH",
            ], catalog.Problems.Select(p => p.ToString()));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void HiddenFoldersOfInstallsInProgressAreNotPlugins()
    {
        using var folder = new PluginFolder();
        folder.Drop("Led.TestPlugins.Oscillator");
        Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, ".install-123", "Half"));
        var catalog = PluginCatalog.Load([folder.Path]);
        Assert.Single(catalog.Plugins);
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void APluginOutsideTheHostsFolderIsNotBuiltIn()
    {
        using var folder = new PluginFolder();
        folder.Drop("Led.TestPlugins.Oscillator");
        Assert.False(Assert.Single(PluginCatalog.Load([folder.Path]).Plugins).BuiltIn);
    }

    [Fact]
    public void ThePluginSdkIsVersionTwoPointTwo() => Assert.Equal(new Version(2, 2, 0, 0), typeof(ILedPlugin).Assembly.GetName().Version);

    [Fact]
    public void TwoPluginsClaimingOneNameOfferItNeitherButKeepTheirOtherComponents()
    {
        using var folder = new PluginFolder();
        folder.Drop("Led.TestPlugins.Oscillator");
        folder.Drop("Led.TestPlugins.Duplicate");
        var catalog = PluginCatalog.Load([folder.Path]);
        Assert.Equal(2, catalog.Plugins.Count);

        var registry = new ComponentRegistry(catalog.Plugins);

        var conflict = Assert.Single(registry.Problems);
        Assert.Contains("claimed by 2 plugins", conflict.Reason);
        Assert.Contains("Led.TestPlugins.Oscillator", conflict.Reason);
        Assert.Contains("Led.TestPlugins.Duplicate", conflict.Reason);
        Assert.False(registry.TryFind(ComponentKind.System, "Oscillator", out _, out var error));
        Assert.Contains("offered by several plugins", error);
        Assert.True(registry.TryFind(ComponentKind.System, "constant", out var constant, out _));
        Assert.Equal("Constant", constant!.Name);
    }

    [Fact]
    public void SearchFoldersIncludeTheEnvironmentVariableAndTheConfigList()
    {
        string previous = Environment.GetEnvironmentVariable(PluginCatalog.PathVariable) ?? "";
        try
        {
            Environment.SetEnvironmentVariable(PluginCatalog.PathVariable, $"/opt/a{Path.PathSeparator}/opt/b");
            var folders = PluginCatalog.SearchFolders(["/opt/c"]);
            Assert.Equal([Path.Combine(AppContext.BaseDirectory, "plugins"), "/opt/a", "/opt/b", "/opt/c"], folders);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PluginCatalog.PathVariable, previous);
        }
    }

    [Fact]
    public void UnknownNamesListTheAvailableOnes()
    {
        using var folder = new PluginFolder();
        folder.Drop("Led.TestPlugins.Oscillator");
        var registry = new ComponentRegistry(PluginCatalog.Load([folder.Path]).Plugins);

        Assert.False(registry.TryFind(ComponentKind.System, "Oscilator", out _, out var error));
        Assert.Equal("unknown system 'Oscilator'; available: Oscillator", error);
        Assert.False(registry.TryFind(ComponentKind.Propagator, "Lstm", out _, out var propagator));
        Assert.Equal("unknown propagator 'Lstm'; available: Linear", propagator);
        Assert.False(registry.TryFind(ComponentKind.Autoencoder, "Pca", out _, out var none));
        Assert.Equal("unknown autoencoder 'Pca'; available: none (no loaded plugin offers any autoencoder: install a plugin that does in a plugin folder)", none);
    }
}
