namespace Led.Testing;

/// <summary>
/// A fact that needs reference data from <c>../shared</c>: skipped, with a message naming the missing path,
/// where that path is absent.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePath)
    {
        string path = RepositoryPaths.SharedFile(relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
            Skip = $"reference data {path} is absent (it lives in ../shared beside the repository)";
    }
}
