using Led.Core.Training;

namespace Led.Core.Stages;

/// <summary>The epochs of one training stage (<c>autoencoder</c>, <c>propagator</c> or <c>end_to_end</c>); empty for a closed-form fit.</summary>
public sealed record TrainingHistory(string Name, IReadOnlyList<EpochRecord> Epochs);
