namespace Led.Abstractions.Systems;

/// <summary>
/// Optional capability of an <see cref="IDynamicalSystem"/>: constants and fixed fields that describe its data (e.g. a
/// Reynolds number and a body mask), written by <c>led simulate</c> into the dataset file.
/// </summary>
public interface IDatasetMetadata
{
    /// <summary>Named numbers (lower-case snake_case), written as root attributes.</summary>
    IReadOnlyDictionary<string, double> Attributes { get; }

    /// <summary>Named fields on the observable's grid (row-major, <see cref="SystemDescription.Grid"/>-shaped), written as datasets under <c>/fields</c>.</summary>
    IReadOnlyDictionary<string, double[]> Fields { get; }
}
