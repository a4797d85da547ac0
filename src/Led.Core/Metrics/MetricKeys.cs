namespace Led.Core.Metrics;

/// <summary>How names become keys of <c>metrics.json</c>.</summary>
public static class MetricKeys
{
    /// <summary>A channel's or quantity's name as a snake_case key suffix (<c>u_x</c>, <c>omega</c>).</summary>
    public static string Snake(string name) => new(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
