using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Progress;
using Serilog;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// Trains an autoencoder on scaled frames <c>[N, …observable shape]</c>: a closed-form fit for <see cref="IFittable"/>
/// components, otherwise mini-batches with <see cref="EarlyStoppingTrainer"/> minimising the reconstruction MSE or, for
/// a probabilistic decoder (<see cref="TrainingOptions.AutoencoderLoss"/>), the negative log-likelihood of the frames.
/// A variational encoder (<see cref="IVariationalEncoder"/>) adds β·KL(q(z|x) ‖ N(0, I)) per value of the state
/// (<see cref="VariationalObjective"/>): training decodes latents sampled by the reparameterisation with the
/// training's seeded noise generator (saved in checkpoints), validation evaluates the same objective deterministically,
/// decoding the mean μ (the latent that forecasts use). With point <paramref name="weights"/>
/// (<see cref="ReconstructionWeights"/>, <see cref="TrainingOptions.ReconstructionWeights"/>) the squared errors of the
/// training and validation losses are weighted; <see cref="ReconstructionLoss"/>, the reported MSE, stays unweighted.
/// </summary>
/// <param name="weights">Grid-shaped point weights of the squared reconstruction error, or null for the plain MSE.</param>
public sealed class AutoencoderTraining(TrainingOptions options, int seed, ILogger log, IProgressReporter progress, Tensor? weights = null)
{
    /// <summary>Whether <paramref name="autoencoder"/> is trained by negative log-likelihood under these options.</summary>
    public bool UsesLikelihood(IAutoencoder autoencoder) =>
        options.AutoencoderLoss == LossKind.Nll || (options.AutoencoderLoss == LossKind.Auto && autoencoder is IProbabilisticDecoder);

    /// <param name="checkpoint">Where the training's state is checkpointed and resumed from (null: nowhere).</param>
    public IReadOnlyList<EpochRecord> Train(IAutoencoder autoencoder, Tensor trainFrames, Tensor validationFrames, CancellationToken cancel = default,
        TrainingCheckpoint? checkpoint = null)
    {
        switch (autoencoder)
        {
            case IFittable fittable:
                fittable.Fit(new FitData([trainFrames], [validationFrames]));
                log.Information("autoencoder: fitted in closed form; validation reconstruction MSE (scaled) {Mse:E4}", ReconstructionLoss(autoencoder, validationFrames));
                return [];
            case ITrainable trainable:
                using (var randomness = new TrainingRandomness(seed, (int)trainFrames.shape[0], noise: autoencoder is IVariationalEncoder))
                {
                    var history = new EarlyStoppingTrainer(options, log, progress).Run("autoencoder", trainable.Module,
                        optimizer => Epoch(autoencoder, trainFrames, optimizer, randomness.Shuffle, randomness.Noise),
                        () => ValidationLoss(autoencoder, validationFrames), cancel, checkpoint, randomness);
                    if (autoencoder is IVariationalEncoder variational)
                    {
                        var (reconstruction, kl) = VariationalTerms(autoencoder, validationFrames);
                        log.Information("autoencoder: validation {Reconstruction} {Value:E4} + β {Beta} × KL per value {Kl:E4} (latent mean decoded)",
                            UsesLikelihood(autoencoder) ? "NLL" : "MSE", reconstruction, variational.Beta, kl);
                    }
                    return history;
                }
            default:
                throw new InvalidOperationException($"{autoencoder.GetType().Name} is neither trainable nor fittable");
        }
    }

    /// <summary>
    /// The validation loss: the reconstruction MSE or NLL (<see cref="UsesLikelihood"/>), plus for a variational encoder
    /// β times its KL per value of the state, all evaluated deterministically on the latent mean.
    /// </summary>
    public double ValidationLoss(IAutoencoder autoencoder, Tensor frames)
    {
        if (autoencoder is not IVariationalEncoder variational)
            return UsesLikelihood(autoencoder) ? NegativeLogLikelihood(autoencoder, frames) : TrainedReconstructionLoss(autoencoder, frames);
        var (reconstruction, kl) = VariationalTerms(autoencoder, frames);
        return variational.Beta == 0 ? reconstruction : reconstruction + variational.Beta * kl;
    }

    /// <summary>
    /// The two terms of a variational autoencoder's validation loss: the reconstruction (MSE per value, or NLL per value
    /// under a probabilistic decoder) of the decoded latent means, and the mean KL(q(z|x) ‖ N(0, I)) per value of the state.
    /// </summary>
    public (double Reconstruction, double KlPerValue) VariationalTerms(IAutoencoder autoencoder, Tensor frames)
    {
        if (autoencoder is not IVariationalEncoder variational)
            throw new ArgumentException($"{autoencoder.GetType().Name} is not a variational encoder", nameof(autoencoder));
        bool likelihood = UsesLikelihood(autoencoder);
        double reconstruction = likelihood ? NegativeLogLikelihood(autoencoder, frames) : TrainedReconstructionLoss(autoencoder, frames);
        long values = frames.numel() / frames.shape[0];
        double kl = SumOverBatches(frames, batch =>
        {
            var (mean, logVariance) = variational.EncodeDistribution(batch);
            return VariationalObjective.KullbackLeibler(mean, logVariance).sum();
        }) / frames.shape[0] / values;
        return (reconstruction, kl);
    }

    /// <summary>Mean reconstruction MSE over all frames (no gradient), in scaled units, unweighted.</summary>
    public double ReconstructionLoss(IAutoencoder autoencoder, Tensor frames) => SquaredErrorLoss(autoencoder, frames, null);

    /// <summary>The reconstruction loss that training minimises: the MSE weighted point by point by the training's weights (the plain MSE without them).</summary>
    public double TrainedReconstructionLoss(IAutoencoder autoencoder, Tensor frames) => SquaredErrorLoss(autoencoder, frames, weights);

    private static double SquaredErrorLoss(IAutoencoder autoencoder, Tensor frames, Tensor? pointWeights) =>
        SumOverBatches(frames, batch => ReconstructionWeights.SquaredError(autoencoder.Decode(autoencoder.Encode(batch)), batch, pointWeights, nn.Reduction.Sum)) / frames.numel();

    /// <summary>Mean negative log-likelihood per value of all frames under a probabilistic decoder (no gradient), in scaled units.</summary>
    public static double NegativeLogLikelihood(IAutoencoder autoencoder, Tensor frames) =>
        -SumOverBatches(frames, batch => Likelihood(autoencoder, batch).sum()) / frames.shape[0];

    /// <summary>The sum of <paramref name="sum"/> over batches of 256 frames, without gradient.</summary>
    private static double SumOverBatches(Tensor frames, Func<Tensor, Tensor> sum)
    {
        using var noGrad = no_grad();
        double total = 0;
        long n = frames.shape[0];
        for (long start = 0; start < n; start += 256)
        {
            using var scope = NewDisposeScope();
            total += sum(frames.slice(0, start, Math.Min(n, start + 256), 1)).to(ScalarType.Float64).item<double>();
        }
        return total;
    }

    private static Tensor Likelihood(IAutoencoder autoencoder, Tensor batch) => Likelihood(autoencoder, autoencoder.Encode(batch), batch);

    private static Tensor Likelihood(IAutoencoder autoencoder, Tensor latents, Tensor batch) =>
        autoencoder is IProbabilisticDecoder decoder
            ? decoder.LogLikelihood(latents, batch)
            : throw new InvalidOperationException($"{autoencoder.GetType().Name} has no probabilistic decoder: set training.autoencoderLoss to mse");

    /// <summary>
    /// The training loss of one batch: reconstruction (MSE or NLL per value) of the decoded latents; for a variational
    /// encoder the latents are drawn from q(z|x) with <paramref name="noise"/> and β·KL per value is added.
    /// </summary>
    public Tensor BatchLoss(IAutoencoder autoencoder, Tensor batch, Generator? noise)
    {
        using var scope = NewDisposeScope();
        bool likelihood = UsesLikelihood(autoencoder);
        if (likelihood && weights is not null)
            throw new InvalidOperationException("training.reconstructionWeights weighs squared errors, not a likelihood: set training.autoencoderLoss to mse or remove reconstructionWeights");
        Tensor Reconstruction(Tensor latents) => likelihood
            ? Likelihood(autoencoder, latents, batch).mean().neg()
            : ReconstructionWeights.SquaredError(autoencoder.Decode(latents), batch, weights);
        if (autoencoder is not IVariationalEncoder variational)
            return Reconstruction(autoencoder.Encode(batch)).MoveToOuterDisposeScope();
        ArgumentNullException.ThrowIfNull(noise);
        var (mean, logVariance) = variational.EncodeDistribution(batch);
        var z = VariationalObjective.Sample(mean, logVariance, noise);
        return VariationalObjective.Loss(Reconstruction(z), mean, logVariance, variational.Beta, batch.numel() / batch.shape[0]).MoveToOuterDisposeScope();
    }

    private double Epoch(IAutoencoder autoencoder, Tensor frames, IGradientOptimizer optimizer, Random random, Generator? noise)
    {
        var order = TensorData.Shuffled((int)frames.shape[0], random);
        using var total = new LossAccumulator();
        for (int start = 0; start < order.Length; start += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var batch = TensorData.Rows(frames, order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)));
            var loss = BatchLoss(autoencoder, batch, noise);
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
            total.Add(loss);
        }
        return total.Mean();
    }
}
