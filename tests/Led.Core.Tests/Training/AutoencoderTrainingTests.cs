using Led.Core.Configuration;
using Led.Core.Progress;
using Led.Core.Training;
using Serilog.Core;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

/// <summary>The autoencoder training of a variational encoder. Runs alone: a resumed training sets torch's default generator.</summary>
[Collection(nameof(TorchDefaultGenerator))]
public class AutoencoderTrainingTests
{
    private const int Size = 8;

    /// <summary>Frames <c>[n, 1, 8]</c> on a two-dimensional subspace, values in (0.1, 0.9).</summary>
    private static Tensor Frames(int n, double phase)
    {
        var x = arange(Size, dtype: ScalarType.Float64).mul(2 * Math.PI / Size);
        var t = arange(n, dtype: ScalarType.Float64).mul(0.41).add(phase);
        return x.sin().unsqueeze(0).mul(t.cos().unsqueeze(1)).add(x.mul(2).cos().unsqueeze(0).mul(t.mul(1.3).sin().unsqueeze(1))).mul(0.2).add(0.5).unsqueeze(1);
    }

    private static AutoencoderTraining Training(int maxEpochs = 30) =>
        new(new TrainingOptions { MaxEpochs = maxEpochs, Patience = 3, MaxRounds = 3, BatchSize = 8, LearningRate = 0.01, Optimizer = OptimizerKind.Adam },
            11, Logger.None, SilentProgress.Instance);

    [Fact]
    public void AtBetaZeroTheObjectiveIsExactlyTheReconstructionLoss()
    {
        using var scope = NewDisposeScope();
        using var vae = new LinearVariationalAutoencoder(Size, 2, beta: 0);
        var frames = Frames(40, 0);
        var training = Training();

        Assert.Equal(training.ReconstructionLoss(vae, frames), training.ValidationLoss(vae, frames));
        // Training's objective on a batch: the MSE of the decoded sample, nothing more.
        using var generator = new TorchSharp.torch.Generator(5);
        using var replay = new TorchSharp.torch.Generator(5);
        var (mean, logVariance) = vae.EncodeDistribution(frames);
        var expected = nn.functional.mse_loss(vae.Decode(VariationalObjective.Sample(mean, logVariance, replay)), frames);
        Assert.Equal(expected.item<double>(), training.BatchLoss(vae, frames, generator).item<double>());
    }

    [Fact]
    public void TheValidationLossIsTheMeanReconstructionPlusBetaTimesTheKlPerValue()
    {
        using var scope = NewDisposeScope();
        using var vae = new LinearVariationalAutoencoder(Size, 2, beta: 0.5);
        var frames = Frames(300, 0);                  // more than one batch of 256
        var training = Training();
        double mse, kl;
        using (no_grad())
        {
            var (mean, logVariance) = vae.EncodeDistribution(frames);
            mse = vae.Decode(mean).sub(frames).square().mean().item<double>();
            var klPerState = mean.square().add(logVariance.exp()).sub(1).sub(logVariance).sum(1).mul(0.5);
            kl = klPerState.mean().item<double>() / Size;
        }

        var (reconstruction, klPerValue) = training.VariationalTerms(vae, frames);

        Assert.Equal(mse, reconstruction, 1e-13);
        Assert.Equal(kl, klPerValue, 1e-13);
        Assert.Equal(mse + 0.5 * kl, training.ValidationLoss(vae, frames), 1e-13);
    }

    [Fact]
    public void PointWeightsWeighTheTrainingAndValidationLossesButNotTheReportedMse()
    {
        using var scope = NewDisposeScope();
        using var vae = new LinearVariationalAutoencoder(Size, 2, beta: 0);
        var frames = Frames(300, 0.2);                // more than one batch of 256
        var pointWeights = tensor(ReconstructionWeights.Build([0, 0, 0, 1, 0, 0, 0, 0], [Size], radius: 1, weight: 9));
        var weighted = new AutoencoderTraining(new TrainingOptions(), 11, Logger.None, SilentProgress.Instance, pointWeights);
        var plain = Training();
        double expected, mse;
        using (no_grad())
        {
            var squares = vae.Decode(vae.Encode(frames)).sub(frames).square();
            expected = squares.mul(pointWeights).mean().item<double>();
            mse = squares.mean().item<double>();
        }

        Assert.Equal(expected, weighted.ValidationLoss(vae, frames), 1e-13);
        Assert.Equal(expected, weighted.TrainedReconstructionLoss(vae, frames), 1e-13);
        Assert.Equal(mse, weighted.ReconstructionLoss(vae, frames), 1e-13);
        Assert.NotEqual(expected, mse, 1e-6);
        // Without weights the trained loss is the reported MSE.
        Assert.Equal(plain.ReconstructionLoss(vae, frames), plain.TrainedReconstructionLoss(vae, frames));
        // Training's batch loss: the weighted squared error of the decoded sample.
        using var generator = new TorchSharp.torch.Generator(5);
        using var replay = new TorchSharp.torch.Generator(5);
        var (mean, logVariance) = vae.EncodeDistribution(frames);
        var batch = vae.Decode(VariationalObjective.Sample(mean, logVariance, replay)).sub(frames).square().mul(pointWeights).mean();
        Assert.Equal(batch.item<double>(), weighted.BatchLoss(vae, frames, generator).item<double>(), 1e-15);
    }

    [Fact]
    public void AVariationalAutoencoderTrainsAndAStoppedTrainingResumesToTheSameWeights()
    {
        string dir = Directory.CreateTempSubdirectory("led-vae").FullName;
        try
        {
            var (untrained, weights, history) = Train(new TrainingCheckpoint(Path.Combine(dir, "full.ckpt"), 1, 0));
            Assert.True(history.Min(r => r.ValidationLoss) < 0.5 * untrained,
                $"validation loss {history.Min(r => r.ValidationLoss):E3} after training, {untrained:E3} before");

            var checkpoint = new TrainingCheckpoint(Path.Combine(dir, "stopped.ckpt"), 1, 0);
            int stop = history.Count / 2;
            Assert.Throws<OperationCanceledException>(() => Train(checkpoint, stopAfter: stop));
            var (_, resumed, resumedHistory) = Train(checkpoint);

            Assert.True(weights.SequenceEqual(resumed), "the resumed training ended with other weights");
            Assert.Equal(history.Select(r => (r.Epoch, r.TrainLoss, r.ValidationLoss)), resumedHistory.Select(r => (r.Epoch, r.TrainLoss, r.ValidationLoss)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Trains a fresh VAE (β = 0.1); with <paramref name="stopAfter"/>, cancels before the epoch after that one, as a killed process would stop.</summary>
    private static (double Untrained, double[] Weights, IReadOnlyList<EpochRecord> History) Train(TrainingCheckpoint checkpoint, int? stopAfter = null)
    {
        using var scope = NewDisposeScope();
        using var vae = new LinearVariationalAutoencoder(Size, 2, beta: 0.1);
        var train = Frames(48, 0);
        var validation = Frames(16, 100);
        using var cancel = new CancellationTokenSource();
        var options = new TrainingOptions { MaxEpochs = 30, Patience = 3, MaxRounds = 3, BatchSize = 8, LearningRate = 0.01, Optimizer = OptimizerKind.Adam };
        var training = new AutoencoderTraining(options, 11, Logger.None, new StoppingProgress(stopAfter, cancel));
        double untrained = training.ValidationLoss(vae, validation);
        var history = training.Train(vae, train, validation, cancel.Token, checkpoint);
        var weights = vae.Module.parameters().SelectMany(p => p.detach().data<double>().ToArray()).ToArray();
        return (untrained, weights, history);
    }

    /// <summary>Cancels the training once <c>stopAfter</c> epochs have been reported.</summary>
    private sealed class StoppingProgress(int? stopAfter, CancellationTokenSource cancel) : IProgressReporter, IProgressTask
    {
        private int _epochs;

        public IProgressTask Start(string description, long total) => this;

        public void Report(long done, string? status = null)
        {
            if (done < int.MaxValue && ++_epochs == stopAfter) cancel.Cancel();
        }

        public void Dispose()
        {
        }
    }
}
