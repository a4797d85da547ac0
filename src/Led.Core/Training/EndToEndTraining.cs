using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Progress;
using Serilog;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// Trains autoencoder and propagator jointly (spec §3.5): windows of scaled frames, truncated back-propagation in
/// chunks of <see cref="TrainingOptions.SequenceLength"/> with the hidden state carried (detached) between chunks and
/// one optimiser step per chunk. The loss is <see cref="TrainingObjective"/>'s: the mean of the enabled terms. No latent
/// scaler: the propagator sees the encoder's output directly.
/// </summary>
/// <param name="weights">Grid-shaped point weights of the reconstruction term (<see cref="ReconstructionWeights"/>), or null.</param>
public sealed class EndToEndTraining(TrainingOptions options, int seed, ILogger log, IProgressReporter progress, Tensor? weights = null)
{
    /// <summary>Windows per batch when the loss is evaluated without gradient (validation, <see cref="Stages.ObjectiveStage"/>).</summary>
    public const int EvaluationBatch = 64;

    private readonly TrainingObjective _objective = new(options, weights: weights);

    public IReadOnlyList<EpochRecord> Train(IAutoencoder autoencoder, ILatentPropagator propagator, IReadOnlyList<Tensor> train,
        IReadOnlyList<Tensor> validation, CancellationToken cancel = default, TrainingCheckpoint? checkpoint = null)
    {
        if (autoencoder is not ITrainable ae || propagator is not ITrainable prop)
            throw new ArgumentException("endToEnd training needs a trainable autoencoder and a trainable propagator (closed-form fits such as Pca cannot be trained jointly): use mode 'sequential'");
        var joint = new JointModule(ae.Module, prop.Module);   // not disposed: it would dispose the components' modules
        using var trainWindows = TruncatedBackpropagation.Windows(train, options.WindowLength, options.WindowStep, "training");
        using var validationWindows = TruncatedBackpropagation.Windows(validation, options.WindowLength, options.WindowStep, "validation");
        log.Information("end to end: {Train} training and {Validation} validation windows of {Length} frames", trainWindows.shape[0], validationWindows.shape[0], options.WindowLength);
        using var randomness = new TrainingRandomness(seed, (int)trainWindows.shape[0]);
        return new EarlyStoppingTrainer(options, log, progress).Run("autoencoder + propagator", joint,
            optimizer => Epoch(autoencoder, propagator, trainWindows, optimizer, randomness.Shuffle),
            () => Loss(autoencoder, propagator, validationWindows), cancel, checkpoint, randomness);
    }

    private double Epoch(IAutoencoder autoencoder, ILatentPropagator propagator, Tensor windows, IGradientOptimizer optimizer, Random random) =>
        TruncatedBackpropagation.Epoch(windows, options.BatchSize, options.SequenceLength, random, propagator.Start,
            (state, input, target) => _objective.Loss(autoencoder, propagator, state, input, target), optimizer,
            options.Warmup, (state, frames) => _objective.Warm(autoencoder, propagator, state, frames));

    private double Loss(IAutoencoder autoencoder, ILatentPropagator propagator, Tensor windows) =>
        TruncatedBackpropagation.Evaluate(windows, EvaluationBatch, options.SequenceLength, propagator.Start,
            (state, input, target) => _objective.Loss(autoencoder, propagator, state, input, target),
            options.Warmup, (state, frames) => _objective.Warm(autoencoder, propagator, state, frames));
}
