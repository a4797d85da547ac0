namespace Led.Cli;

/// <summary>
/// The command line's own hints: core and hosting state a problem and its fix without naming commands; a problem at one
/// of these config paths gets the <c>led</c> command that carries out the fix.
/// </summary>
public static class CommandHints
{
    private static readonly (Func<string, bool> Matches, string Hint)[] Hints =
    [
        (path => path == "sweep", "`led sweep run <config>` runs the study (`led sweep plan <config>` lists its runs, `led sweep run-one <config> --index N` runs one)"),
        (path => path == "data.path", "`led simulate <config> --out PATH` writes a dataset"),
        (path => path == "training.autoencoder", "`led train <config> --out DIR` trains a model (`--autoencoder-only`: just the autoencoder)"),
        (path => path.EndsWith(".name", StringComparison.Ordinal) || path is "system" or "encoder" or "propagator", "`led plugins` lists the components"),
    ];

    /// <summary>A problem (<c>path: message</c>) with the command hint for its path appended, if there is one.</summary>
    public static string WithHint(string problem)
    {
        int colon = problem.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0) return problem;
        string path = problem[..colon];
        var hint = Hints.FirstOrDefault(h => h.Matches(path)).Hint;
        return hint is null ? problem : $"{problem}; {hint}";
    }
}
