using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Progress;
using Serilog;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// Trains autoencoder and propagator jointly (spec §3.5): windows of scaled frames, truncated back-propagation in
/// chunks of <see cref="TrainingOptions.SequenceLength"/> with the hidden state carried (detached) between chunks and
/// one optimiser step per chunk. The loss is the mean of the enabled terms: decoded forecast vs the next frame
/// (<c>outputLoss</c>), propagator prediction vs the encoding of the next frame (<c>latentLoss</c>) and
/// reconstruction (<c>reconstructionLoss</c>). No latent scaler: the propagator sees the encoder's output directly.
/// </summary>
public sealed class EndToEndTraining(TrainingOptions options, int seed, ILogger log, IProgressReporter progress)
{
    public IReadOnlyList<EpochRecord> Train(IAutoencoder autoencoder, ILatentPropagator propagator, IReadOnlyList<Tensor> train,
        IReadOnlyList<Tensor> validation, CancellationToken cancel = default, TrainingCheckpoint? checkpoint = null)
    {
        if (autoencoder is not ITrainable ae || propagator is not ITrainable prop)
            throw new ArgumentException("endToEnd training needs a trainable autoencoder and a trainable propagator (closed-form fits such as Pca cannot be trained jointly): use mode 'sequential'");
        var joint = new JointModule(ae.Module, prop.Module);   // not disposed: it would dispose the components' modules
        using var trainWindows = TruncatedBackpropagation.Windows(train, options.WindowLength, options.SequenceLength, "training");
        using var validationWindows = TruncatedBackpropagation.Windows(validation, options.WindowLength, options.SequenceLength, "validation");
        log.Information("end to end: {Train} training and {Validation} validation windows of {Length} frames", trainWindows.shape[0], validationWindows.shape[0], options.WindowLength);
        using var randomness = new TrainingRandomness(seed, (int)trainWindows.shape[0]);
        return new EarlyStoppingTrainer(options, log, progress).Run("autoencoder + propagator", joint,
            optimizer => Epoch(autoencoder, propagator, trainWindows, optimizer, randomness.Shuffle),
            () => Loss(autoencoder, propagator, validationWindows), cancel, checkpoint, randomness);
    }

    private double Epoch(IAutoencoder autoencoder, ILatentPropagator propagator, Tensor windows, IGradientOptimizer optimizer, Random random) =>
        TruncatedBackpropagation.Epoch(windows, options.BatchSize, options.SequenceLength, random, propagator.Start,
            (state, input, target) => ChunkLoss(autoencoder, propagator, state, input, target), optimizer,
            options.Warmup, (state, frames) => Warm(autoencoder, propagator, state, frames));

    private double Loss(IAutoencoder autoencoder, ILatentPropagator propagator, Tensor windows) =>
        TruncatedBackpropagation.Evaluate(windows, 64, options.SequenceLength, propagator.Start,
            (state, input, target) => ChunkLoss(autoencoder, propagator, state, input, target),
            options.Warmup, (state, frames) => Warm(autoencoder, propagator, state, frames));

    private static void Warm(IAutoencoder autoencoder, ILatentPropagator propagator, PropagatorState state, Tensor frames)
    {
        long b = frames.shape[0], t = frames.shape[1];
        propagator.Forward(state, autoencoder.Encode(frames.reshape([b * t, .. frames.shape[2..]])).reshape(b, t, -1));
    }

    private Tensor ChunkLoss(IAutoencoder autoencoder, ILatentPropagator propagator, PropagatorState state, Tensor input, Tensor target)
    {
        long b = input.shape[0], t = input.shape[1];
        var frameShape = input.shape[2..];
        var both = cat([input, target.slice(1, t - 1, t, 1)], 1);                      // frames p·L … (p+1)·L
        var latents = autoencoder.Encode(both.reshape([b * (t + 1), .. frameShape])).reshape(b, t + 1, -1);
        var predicted = propagator.Forward(state, latents.slice(1, 0, t, 1));
        var terms = new List<Tensor>();
        if (options.OutputLoss)
            terms.Add(nn.functional.mse_loss(autoencoder.Decode(predicted.reshape(b * t, -1)).reshape([b, t, .. frameShape]), target));
        if (options.LatentLoss)
            terms.Add(nn.functional.mse_loss(predicted, latents.slice(1, 1, t + 1, 1)));
        if (options.ReconstructionLoss)
            terms.Add(nn.functional.mse_loss(autoencoder.Decode(latents.slice(1, 0, t, 1).reshape(b * t, -1)).reshape([b, t, .. frameShape]), input));
        var sum = terms[0];
        for (int i = 1; i < terms.Count; i++) sum = sum + terms[i];
        return sum / terms.Count;
    }
}
