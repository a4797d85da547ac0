using Led.Abstractions.Plugins;

namespace Led.Hosting.Configuration;

/// <summary>A config section's component with its options bound and validated.</summary>
public sealed record ResolvedComponent(string Section, ComponentRegistration Registration, object Options);
