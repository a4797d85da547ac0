namespace Led.Build.ElfPatch;

/// <summary>The outcome of planning a libstdc++ compatibility edit.</summary>
/// <param name="Needs">Version needs to mark weak (empty: nothing to do).</param>
/// <param name="Error">Why the library cannot be made loadable, or null.</param>
public sealed record PatchPlan(IReadOnlyList<VersionNeed> Needs, string? Error);
