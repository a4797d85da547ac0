namespace Led.Studies.Planning;

/// <summary>How a sweep axis is reported: plotted against a number, compared per category, or aggregated over (seeds).</summary>
public enum SweepAxisKind
{
    /// <summary>Every value is a number: plotted as metric vs value.</summary>
    Numeric,

    /// <summary>Strings, sections or lists: compared per category.</summary>
    Category,

    /// <summary>The seed (from <c>repeat</c> or a <c>seed</c> axis): replicates, shown as a min–max band.</summary>
    Seed,
}
