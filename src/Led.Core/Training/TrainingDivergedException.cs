namespace Led.Core.Training;

/// <summary>The loss became NaN or infinite: training stops with a message saying where and what to change.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
