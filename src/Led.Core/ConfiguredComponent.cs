namespace Led.Core;

/// <summary>What a config section names, before anything is built: the type the host would create and its bound options.</summary>
/// <param name="Section">The config section, e.g. <c>encoder</c>.</param>
/// <param name="ImplementationType">The component's type, which tells its capabilities (trainable, fitted, stochastic…).</param>
/// <param name="Options">The section's bound options.</param>
public sealed record ConfiguredComponent(string Section, Type ImplementationType, object Options);
