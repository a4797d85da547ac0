using Led.Abstractions.Systems;

namespace Led.Core.Data;

/// <summary>Training, validation and test trajectories of one system (unscaled), with the scaler fitted on train + validation.</summary>
public sealed record LedDataset(
    string SystemName,
    SystemDescription Description,
    TrajectorySet Train,
    TrajectorySet Validation,
    TrajectorySet Test,
    MinMaxScaler Scaler);
