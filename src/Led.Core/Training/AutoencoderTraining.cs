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
/// </summary>
public sealed class AutoencoderTraining(TrainingOptions options, int seed, ILogger log, IProgressReporter progress)
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
                using (var randomness = new TrainingRandomness(seed, (int)trainFrames.shape[0]))
                    return new EarlyStoppingTrainer(options, log, progress).Run("autoencoder", trainable.Module,
                        optimizer => Epoch(autoencoder, trainFrames, optimizer, randomness.Shuffle),
                        () => UsesLikelihood(autoencoder) ? NegativeLogLikelihood(autoencoder, validationFrames) : ReconstructionLoss(autoencoder, validationFrames),
                        cancel, checkpoint, randomness);
            default:
                throw new InvalidOperationException($"{autoencoder.GetType().Name} is neither trainable nor fittable");
        }
    }

    /// <summary>Mean reconstruction MSE over all frames (no gradient), in scaled units.</summary>
    public double ReconstructionLoss(IAutoencoder autoencoder, Tensor frames) =>
        SumOverBatches(frames, batch => nn.functional.mse_loss(autoencoder.Decode(autoencoder.Encode(batch)), batch, nn.Reduction.Sum)) / frames.numel();

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

    private static Tensor Likelihood(IAutoencoder autoencoder, Tensor batch) =>
        autoencoder is IProbabilisticDecoder decoder
            ? decoder.LogLikelihood(autoencoder.Encode(batch), batch)
            : throw new InvalidOperationException($"{autoencoder.GetType().Name} has no probabilistic decoder: set training.autoencoderLoss to mse");

    private double Epoch(IAutoencoder autoencoder, Tensor frames, IGradientOptimizer optimizer, Random random)
    {
        var order = TensorData.Shuffled((int)frames.shape[0], random);
        double total = 0;
        int batches = 0;
        for (int start = 0; start < order.Length; start += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var batch = TensorData.Rows(frames, order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)));
            var loss = UsesLikelihood(autoencoder)
                ? Likelihood(autoencoder, batch).mean().neg()
                : nn.functional.mse_loss(autoencoder.Decode(autoencoder.Encode(batch)), batch);
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
            total += loss.to(ScalarType.Float64).item<double>();
            batches++;
        }
        return total / batches;
    }
}
