namespace Led.Studies.Folders;

/// <summary>A tally of run states for one line, e.g. <c>3 completed, 1 running, 2 failed</c>, in a fixed order.</summary>
public static class StateCounts
{
    private static readonly string[] Order = ["completed", "running", "queued", "incomplete", "pending", "interrupted", "failed"];

    public static string Describe(IEnumerable<string> states) =>
        string.Join(", ", states.GroupBy(s => s).OrderBy(g => Rank(g.Key)).Select(g => $"{g.Count()} {g.Key}"));

    private static int Rank(string state) => Array.IndexOf(Order, state) is var i and >= 0 ? i : Order.Length;
}
