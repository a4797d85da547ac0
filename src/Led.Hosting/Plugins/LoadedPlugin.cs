using Led.Abstractions.Plugins;

namespace Led.Hosting.Plugins;

/// <summary>A plugin assembly that loaded and registered its components.</summary>
/// <param name="Name">Assembly name (also its folder name).</param>
/// <param name="Version">Informational version of the plugin assembly.</param>
/// <param name="Path">Full path of the plugin assembly.</param>
/// <param name="Components">The components it registered.</param>
/// <param name="BuiltIn">Whether it ships with LED.NET (an LED.NET assembly in the host's own <c>plugins/</c> folder): its
/// names win over a third-party plugin's.</param>
public sealed record LoadedPlugin(string Name, string Version, string Path, IReadOnlyList<ComponentRegistration> Components, bool BuiltIn = false);
