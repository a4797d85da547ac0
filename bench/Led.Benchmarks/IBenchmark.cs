namespace Led.Benchmarks;

/// <summary>A benchmark command. Implementations are found by reflection; each writes one section of docs/benchmarks.md.</summary>
public interface IBenchmark
{
    /// <summary>Command name, e.g. <c>ks-solver</c>.</summary>
    string Name { get; }

    /// <summary>Runs the measurements and returns the Markdown body of the section (tables and notes, no heading).</summary>
    string Run(IReadOnlyList<string> args);
}
