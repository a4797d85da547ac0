using Led.Abstractions.Plugins;
using Led.Hosting.Plugins;

namespace Led.Hosting.Components;

/// <summary>
/// The named components offered by all loaded plugins. A name claimed by a built-in plugin and by others is the built-in
/// one's (the others are reported); a name claimed by two plugins that are not built in is offered by neither; a component
/// that fails a <see cref="IRegistrationRule"/> is offered by none.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<(ComponentKind, string), (ComponentRegistration Registration, LoadedPlugin Plugin)> _components = new();
    private readonly Dictionary<(ComponentKind, string), List<LoadedPlugin>> _conflicts = new();
    private readonly Dictionary<(ComponentKind, string), PluginProblem> _refused = new();

    /// <param name="plugins">The loaded plugins.</param>
    /// <param name="rules">Checks of each registration; <see cref="RegistrationRules.Default"/> when null.</param>
    public ComponentRegistry(IEnumerable<LoadedPlugin> plugins, IReadOnlyList<IRegistrationRule>? rules = null)
    {
        var problems = new List<PluginProblem>();
        foreach (var plugin in plugins)
            foreach (var registration in plugin.Components)
            {
                var key = (registration.Kind, registration.Name.ToLowerInvariant());
                var failed = (rules ?? RegistrationRules.Default).Select(r => r.Check(registration)).OfType<string>().ToList();
                if (failed.Count > 0)
                {
                    var problem = new PluginProblem(plugin.Path, $"{registration.Kind.ToString().ToLowerInvariant()} '{registration.Name}' is offered by " +
                                                                 $"none: {string.Join("; ", failed)}");
                    problems.Add(problem);
                    _refused.TryAdd(key, problem);
                    continue;
                }
                if (_components.TryGetValue(key, out var builtIn) && builtIn.Plugin.BuiltIn != plugin.BuiltIn)
                {
                    var (kept, ignored) = builtIn.Plugin.BuiltIn ? (builtIn, (registration, plugin)) : ((registration, plugin), builtIn);
                    _components[key] = kept;
                    problems.Add(new PluginProblem(ignored.Item2.Path, $"{registration.Kind.ToString().ToLowerInvariant()} '{ignored.Item1.Name}' " +
                        $"is also a built-in component ({kept.Item2.Name}), which wins: rename it in {ignored.Item2.Name} to use it"));
                    continue;
                }
                if (_conflicts.TryGetValue(key, out var claimants)) { claimants.Add(plugin); continue; }
                if (_components.Remove(key, out var first))
                    _conflicts[key] = [first.Plugin, plugin];
                else
                    _components[key] = (registration, plugin);
            }
        foreach (var ((kind, _), claimants) in _conflicts)
        {
            string name = claimants[0].Components.First(c => c.Kind == kind && _conflicts.ContainsKey((kind, c.Name.ToLowerInvariant()))).Name;
            problems.Add(new PluginProblem(string.Join(" and ", claimants.Select(p => p.Path)),
                $"{kind} '{name}' is claimed by {claimants.Count} plugins ({string.Join(", ", claimants.Select(p => p.Name))}); " +
                "it is offered by none of them: remove or rename one"));
        }
        Problems = problems;
    }

    /// <summary>Name conflicts between plugins and components that failed a registration rule.</summary>
    public IReadOnlyList<PluginProblem> Problems { get; }

    /// <summary>Every offered component with the plugin offering it, ordered by kind and name.</summary>
    public IEnumerable<(ComponentRegistration Registration, LoadedPlugin Plugin)> All =>
        _components.Values.OrderBy(c => c.Registration.Kind).ThenBy(c => c.Registration.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a component of any of <paramref name="kinds"/> (the first that offers the name), or explains why not.</summary>
    public bool TryFind(IReadOnlyList<ComponentKind> kinds, string name, out ComponentRegistration? registration, out string? error)
    {
        foreach (var kind in kinds)
            if (_components.ContainsKey((kind, name.ToLowerInvariant())) || _conflicts.ContainsKey((kind, name.ToLowerInvariant())))
                return TryFind(kind, name, out registration, out error);
        if (kinds.Count == 1) return TryFind(kinds[0], name, out registration, out error);
        registration = null;
        var available = _components.Values.Where(c => kinds.Contains(c.Registration.Kind)).Select(c => c.Registration.Name).Order().ToList();
        string what = string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()));
        error = $"unknown {what} '{name}'; available: " + (available.Count == 0 ? $"none (no loaded plugin offers a {what})" : string.Join(", ", available));
        return false;
    }

    /// <summary>Finds a component, or explains why not (unknown name with the available ones, or a conflict).</summary>
    public bool TryFind(ComponentKind kind, string name, out ComponentRegistration? registration, out string? error)
    {
        var key = (kind, name.ToLowerInvariant());
        if (_components.TryGetValue(key, out var found))
        {
            (registration, error) = (found.Registration, null);
            return true;
        }
        registration = null;
        if (_conflicts.TryGetValue(key, out var claimants))
            error = $"'{name}' is offered by several plugins ({string.Join(", ", claimants.Select(p => p.Path))}): remove one of them";
        else if (_refused.TryGetValue(key, out var refused))
            error = $"'{name}' cannot be used, its plugin has a problem: {refused}";
        else
        {
            var available = _components.Values.Where(c => c.Registration.Kind == kind).Select(c => c.Registration.Name).Order().ToList();
            error = $"unknown {kind.ToString().ToLowerInvariant()} '{name}'; available: " +
                    (available.Count == 0 ? $"none (no loaded plugin offers any {kind.ToString().ToLowerInvariant()}: install a plugin that does in a plugin folder)" : string.Join(", ", available));
        }
        return false;
    }
}
