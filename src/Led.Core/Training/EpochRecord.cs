namespace Led.Core.Training;

/// <summary>One epoch of a training history.</summary>
public sealed record EpochRecord(int Epoch, int Round, double LearningRate, double TrainLoss, double ValidationLoss, double Seconds);
