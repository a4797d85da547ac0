namespace Led.Studies.Folders;

/// <summary>
/// A run as recorded in <c>study.json</c>: index, id, the value index taken on each axis (by axis path), a description,
/// the shared dataset it reads (null: it simulates its own) and the shared autoencoder it reuses (null: it trains its own).
/// </summary>
public sealed record StudyRun(int Index, string Id, IReadOnlyDictionary<string, int> Values, string Description, string? Dataset,
    string? Autoencoder = null);
