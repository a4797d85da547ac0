namespace Led.Cli.Tests;

/// <summary>Every experiment config shipped in configs/ stays valid against the built-in plugins.</summary>
public class ShippedConfigsTests
{
    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Led.Testing.RepositoryPaths.Root, "configs"), "*.json", SearchOption.AllDirectories)
                     .Where(f => !File.ReadAllText(f).Contains("\"sweep\"", StringComparison.Ordinal)).Order())
            data.Add(Path.GetRelativePath(Led.Testing.RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void ValidatesWithoutErrors(string config)
    {
        var (code, stdout, stderr) = LedProcess.Run(Led.Testing.RepositoryPaths.Root, "validate", config);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains(": valid (", stdout);
    }
}
