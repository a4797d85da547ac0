namespace Led.Studies.Planning;

/// <summary>A problem of one expanded run: the run (index, id, changes) and the message with its JSON path.</summary>
public sealed record SweepError(SweepRun Run, string Message)
{
    public override string ToString() => $"{Run}: {Message}";
}
