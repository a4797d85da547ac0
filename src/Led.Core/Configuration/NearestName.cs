namespace Led.Core.Configuration;

/// <summary>
/// The "did you mean" of config errors: the valid name nearest to a misspelt one by Levenshtein distance (ignoring case),
/// if it is within max(2, length / 3) edits.
/// </summary>
public static class NearestName
{
    /// <summary>The name in <paramref name="names"/> nearest to <paramref name="key"/>, or null when none is close.</summary>
    public static string? Of(string key, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: Levenshtein(n.ToLowerInvariant(), key.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, key.Length / 3)).OrderBy(c => c.Distance).FirstOrDefault().Name;

    private static int Levenshtein(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return d[b.Length];
    }
}
