using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Progress;
using Serilog;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// Trains a propagator on scaled latent trajectories <c>[T, d_z]</c> with the autoencoder frozen: windows of
/// <see cref="TrainingOptions.WindowLength"/> (one starting every <see cref="TrainingOptions.WindowStep"/> samples),
/// truncated back-propagation through time in chunks of <see cref="TrainingOptions.SequenceLength"/> with the hidden
/// state carried (detached) between chunks and one optimiser step per chunk; the inputs, not the targets, optionally
/// carry Gaussian noise (<see cref="TrainingOptions.Noise"/>), and the last <see cref="TrainingOptions.Rollout"/> of each
/// chunk may be closed-loop (<see cref="ClosedLoop"/>). The loss is the latent forecast MSE in
/// unscaled latent units, or for a stochastic propagator (<see cref="TrainingOptions.PropagatorLoss"/>) the negative
/// log-likelihood of the next scaled latents. Closed-form propagators (<see cref="IFittable"/>) are fitted instead.
/// </summary>
public sealed class PropagatorTraining(TrainingOptions options, LatentScaler latentScaler, int seed, ILogger log, IProgressReporter progress)
{
    /// <summary>Whether <paramref name="propagator"/> is trained by negative log-likelihood under these options.</summary>
    public bool UsesLikelihood(ILatentPropagator propagator) =>
        options.PropagatorLoss == LossKind.Nll || (options.PropagatorLoss == LossKind.Auto && propagator is IStochasticPropagator);

    /// <param name="checkpoint">Where the training's state is checkpointed and resumed from (null: nowhere).</param>
    public IReadOnlyList<EpochRecord> Train(ILatentPropagator propagator, IReadOnlyList<Tensor> trainLatents, IReadOnlyList<Tensor> validationLatents,
        CancellationToken cancel = default, TrainingCheckpoint? checkpoint = null)
    {
        switch (propagator)
        {
            case IFittable fittable:
                fittable.Fit(new FitData(trainLatents, validationLatents));
                return [];
            case ITrainable trainable:
                using (var train = TruncatedBackpropagation.Windows(trainLatents, options.WindowLength, options.WindowStep, "training"))
                using (var validation = TruncatedBackpropagation.Windows(validationLatents, options.WindowLength, options.WindowStep, "validation"))
                {
                    log.Information("propagator: {Train} training and {Validation} validation windows of {Length} steps",
                        train.shape[0], validation.shape[0], options.WindowLength);
                    using var randomness = new TrainingRandomness(seed, (int)train.shape[0], noise: true);
                    return new EarlyStoppingTrainer(options, log, progress).Run("propagator", trainable.Module,
                        optimizer => Epoch(propagator, train, optimizer, randomness.Shuffle, randomness.Noise!), () => Loss(propagator, validation),
                        cancel, checkpoint, randomness);
                }
            default:
                throw new InvalidOperationException($"{propagator.GetType().Name} is neither trainable nor fittable");
        }
    }

    private double Epoch(ILatentPropagator propagator, Tensor windows, IGradientOptimizer optimizer, Random random, Generator noise) =>
        TruncatedBackpropagation.Epoch(windows, options.BatchSize, options.SequenceLength, random, propagator.Start,
            (state, input, target) => ChunkLoss(propagator, state, Perturbed(input, noise), target), optimizer,
            options.Warmup, (state, latents) => propagator.Forward(state, latents));

    private double Loss(ILatentPropagator propagator, Tensor windows) =>
        TruncatedBackpropagation.Evaluate(windows, 256, options.SequenceLength, propagator.Start,
            (state, input, target) => ChunkLoss(propagator, state, input, target),
            options.Warmup, (state, latents) => propagator.Forward(state, latents));

    /// <summary>
    /// The training inputs with <see cref="TrainingOptions.Noise"/> added, drawn from a generator of their own seeded by
    /// the run's seed: the noise does not depend on what else the process drew before (a run that reuses a trained
    /// autoencoder draws the same noise as one that trains it).
    /// </summary>
    private Tensor Perturbed(Tensor input, Generator noise) =>
        options.Noise > 0 ? input + options.Noise * randn(input.shape, input.dtype, generator: noise).to(input.device) : input;

    private Tensor ChunkLoss(ILatentPropagator propagator, PropagatorState state, Tensor input, Tensor target)
    {
        if (!UsesLikelihood(propagator)) return LatentLoss(ClosedLoop.Forward(propagator, state, input, options.Rollout), target);
        if (propagator is not IStochasticPropagator stochastic)
            throw new InvalidOperationException($"{propagator.GetType().Name} is not stochastic: set training.propagatorLoss to mse");
        return stochastic.LogLikelihood(state, input, target).mean().neg();
    }

    private Tensor LatentLoss(Tensor predicted, Tensor target) =>
        nn.functional.mse_loss(latentScaler.Unscale(predicted), latentScaler.Unscale(target));
}
