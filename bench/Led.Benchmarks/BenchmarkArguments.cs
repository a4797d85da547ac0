namespace Led.Benchmarks;

/// <summary>The benchmarks' <c>--name=value</c> arguments.</summary>
internal static class BenchmarkArguments
{
    /// <summary>The value of <c>--name=value</c>, or null when absent.</summary>
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        string prefix = $"--{name}=";
        return args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }
}
