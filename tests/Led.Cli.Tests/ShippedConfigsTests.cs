namespace Led.Cli.Tests;

/// <summary>Every experiment config and every study shipped in configs/ stays valid against the built-in plugins.</summary>
public class ShippedConfigsTests
{
    public static TheoryData<string> Configs() => Shipped(study: false);

    public static TheoryData<string> Studies() => Shipped(study: true);

    private static TheoryData<string> Shipped(bool study)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Led.Testing.RepositoryPaths.Root, "configs"), "*.json", SearchOption.AllDirectories)
                     .Where(f => File.ReadAllText(f).Contains("\"sweep\"", StringComparison.Ordinal) == study).Order())
            data.Add(Path.GetRelativePath(Led.Testing.RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Studies))]
    public void EveryRunOfAStudyValidates(string config)
    {
        // device auto falls back to the CPU where there is no GPU; plan writes nothing.
        var (code, stdout, stderr) = LedProcess.Run(Led.Testing.RepositoryPaths.Root, "sweep", "plan", config, "--set", "device=cpu");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("runs are valid", stdout);
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
