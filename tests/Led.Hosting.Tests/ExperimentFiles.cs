namespace Led.Hosting.Tests;

/// <summary>Writes config documents to temporary files.</summary>
public static class ExperimentFiles
{
    public static string Write(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"led-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
