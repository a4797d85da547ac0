using Led.Core.Stages;
using Led.Core.Training;

namespace Led.Core.Experiments;

/// <summary>A trained model with its training scores (snake_case keys) and the epochs of each training stage.</summary>
public sealed record TrainingOutcome(LedModel Model, Dictionary<string, double> Metrics, IReadOnlyList<TrainingHistory> Histories);
