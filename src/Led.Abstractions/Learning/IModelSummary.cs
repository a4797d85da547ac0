namespace Led.Abstractions.Learning;

/// <summary>
/// A component whose trained or fitted state reads as text (SINDy: its identified equations). The host writes
/// <see cref="Summary"/> beside the saved model as <see cref="SummaryFileName"/>, for people; loading never reads it.
/// </summary>
public interface IModelSummary
{
    /// <summary>A plain file name, e.g. <c>sindy_equations.txt</c>.</summary>
    string SummaryFileName { get; }

    /// <summary>The text; empty before the component is trained or fitted.</summary>
    string Summary { get; }
}
