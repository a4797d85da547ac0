namespace Led.Benchmarks;

/// <summary>Keeps docs/benchmarks.md as one "## name" section per benchmark, replaced on each run.</summary>
public static class BenchmarkDocument
{
    public static string FindDocument()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LED.sln")))
                return Path.Combine(dir.FullName, "docs", "benchmarks.md");
        throw new InvalidOperationException("LED.sln not found above the benchmark's folder");
    }

    public static void ReplaceSection(string path, string name, string section)
    {
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nEach section is written by the command it names.\n";
        string heading = $"## {name}\n";
        int start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0) text = text.TrimEnd() + "\n\n" + section;
        else
        {
            int end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            text = text[..start] + section + (end < 0 ? "" : text[(end + 1)..]);
        }
        string temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
