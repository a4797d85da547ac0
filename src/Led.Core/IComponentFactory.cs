using Led.Abstractions.Plugins;

namespace Led.Core;

/// <summary>Creates the plugin components an experiment's config names (implemented by the host).</summary>
public interface IComponentFactory
{
    /// <summary>Whether the config names a component in <paramref name="section"/> (<c>system</c>, <c>encoder</c>, <c>propagator</c>).</summary>
    bool IsConfigured(string section);

    /// <summary>
    /// A new instance of the component named in <paramref name="section"/>, built with its bound options and
    /// <paramref name="context"/> objects (e.g. the system description) offered to its constructor.
    /// </summary>
    object Create(string section, params object[] context);

    /// <summary>The type and bound options of the component named in <paramref name="section"/>, without creating it.</summary>
    /// <exception cref="InvalidOperationException">The config has no such section.</exception>
    ConfiguredComponent Describe(string section);

    /// <summary>
    /// A new instance of the registered component <paramref name="name"/> of <paramref name="kind"/> with default options
    /// (e.g. a metric a system turns on by default).
    /// </summary>
    object CreateDefault(ComponentKind kind, string name, params object[] context);
}
