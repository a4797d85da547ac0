using Led.Abstractions.Systems;

namespace Led.Core.Data;

/// <summary>Training, validation and test trajectories of one system (unscaled), with the scaler fitted on train + validation.</summary>
public sealed record LedDataset(
    string SystemName,
    SystemDescription Description,
    TrajectorySet Train,
    TrajectorySet Validation,
    TrajectorySet Test,
    MinMaxScaler Scaler)
{
    /// <summary>Scalar series observed with the snapshots, by split (<c>train</c>, <c>validation</c>, <c>test</c>), when the simulations offer them (<see cref="IScalarSeries"/>).</summary>
    public IReadOnlyDictionary<string, ScalarSeriesSet>? Series { get; init; }

    /// <summary>The system's constants and fixed fields, when it offers them (<see cref="IDatasetMetadata"/>).</summary>
    public IDatasetMetadata? Metadata { get; init; }
}
