namespace Led.Hosting.Plugins;

/// <summary>Why a plugin folder (or one of its components) was not loaded, and what to do about it.</summary>
public sealed record PluginProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
