using Led.Abstractions.Systems;

namespace Led.Core.Data;

/// <summary>
/// The fixed fields <c>/fields/&lt;name&gt;</c> of a dataset file, as <see cref="IDatasetMetadata"/> (the file's root
/// attributes mix the format's with the system's, so none are carried over).
/// </summary>
public sealed class StoredDatasetMetadata(IReadOnlyDictionary<string, double[]> fields) : IDatasetMetadata
{
    public IReadOnlyDictionary<string, double> Attributes { get; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double[]> Fields { get; } = fields;
}
