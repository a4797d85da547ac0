namespace Led.Studies.Folders;

/// <summary>An axis as recorded in <c>study.json</c>: path, short name, kind, and the label and number of each value.</summary>
public sealed record StudyAxis(string Path, string Name, SweepAxisKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<double?> Numbers);
