namespace Led.Cli;

/// <summary>Bad input found before anything ran: every problem, one per line. Exits with <see cref="ExitCodes.InvalidInput"/>.</summary>
public sealed class InvalidInputException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
