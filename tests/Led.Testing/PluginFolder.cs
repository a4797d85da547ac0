namespace Led.Testing;

/// <summary>A temporary plugins folder into which tests drop the separately built test plugins.</summary>
public sealed class PluginFolder : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Path { get; } = Directory.CreateTempSubdirectory("led-plugins").FullName;

    /// <summary>Copies the built test plugin into <c>Path/&lt;name&gt;/</c>, as a user drops a plugin folder.</summary>
    public string Drop(string name)
    {
        string source = System.IO.Path.Combine(RepositoryPaths.Root, "artifacts", "test-plugins", Configuration, name);
        if (!Directory.Exists(source)) throw new InvalidOperationException($"test plugin {name} was not built to {source}");
        string target = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        return target;
    }

    public void Remove(string name) => Directory.Delete(System.IO.Path.Combine(Path, name), recursive: true);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
