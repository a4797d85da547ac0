namespace Led.Studies;

/// <summary>A study's config, arguments or folder are not usable; nothing was run. Every problem, one per line.</summary>
public sealed class StudyInputException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
