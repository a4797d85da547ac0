namespace Led.Testing;

/// <summary>Locates the repository and the reference data folder <c>../shared</c> beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding LED.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> next to the repository (reference data; present in CI, maybe absent elsewhere).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A path under <c>../shared</c>.</summary>
    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LED.sln"))) return dir.FullName;
        throw new InvalidOperationException($"LED.sln not found above {AppContext.BaseDirectory}");
    }
}
