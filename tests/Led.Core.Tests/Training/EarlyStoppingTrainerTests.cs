using Led.Core.Configuration;
using Led.Core.Progress;
using Led.Core.Training;
using Serilog.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

/// <summary>Runs alone: a resumed training sets torch's default generator, which other tests draw from.</summary>
[Collection(nameof(TorchDefaultGenerator))]
public class EarlyStoppingTrainerTests
{

    [Fact]
    public void RoundsHalveTheLearningRateAndTheBestStateIsRestored()
    {
        var module = new ScalarModule();
        var options = new TrainingOptions { MaxEpochs = 12, Patience = 2, MaxRounds = 3, LearningRate = 1, LearningRateFactor = 0.5, Optimizer = OptimizerKind.Adam };
        double[] validation = [5, 4, 3, 3.5, 3.6, 2, 2.5, 2.6, 1.9, 2.2, 2.3, 2.4, 2.5];
        int call = 0;
        var history = new EarlyStoppingTrainer(options, Logger.None, SilentProgress.Instance).Run("test", module,
            _ =>
            {
                using (no_grad()) module.Value.fill_(call);       // the "weights" after epoch k are k
                return 1.0;
            },
            () => validation[call++]);

        // round 1: 4, 3.5, 3.6 → patience exhausted after epoch 4; round 2 finds 2 then stalls; round 3 finds 1.9
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25], history.Select(h => h.LearningRate));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 2, 2, 2], history.Select(h => h.Round));
        Assert.Equal(8.0, module.Value.item<double>());           // epoch 8 reached the best validation loss 1.9
    }

    [Fact]
    public void ANonFiniteLossStopsTrainingWithTheRemedy()
    {
        var module = new ScalarModule();
        var trainer = new EarlyStoppingTrainer(new TrainingOptions { LearningRate = 0.5 }, Logger.None, SilentProgress.Instance);
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Run("autoencoder", module, _ => double.NaN, () => 1));
        Assert.Equal("autoencoder: the training loss became NaN at epoch 1; lower training.learningRate (now 0.5) or check the data for non-finite values", ex.Message);
    }

    [Fact]
    public void AnExplodingLossStopsTrainingAlthoughItStaysFinite()
    {
        var module = new ScalarModule();
        var trainer = new EarlyStoppingTrainer(new TrainingOptions { LearningRate = 10, MaxEpochs = 10, Patience = 10 }, Logger.None, SilentProgress.Instance);
        double[] train = [0.5, 3e4, 1.7e20];
        int epoch = 0;
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Run("propagator", module, _ => train[epoch++], () => 0.02));
        Assert.Equal("propagator: the training loss reached 1.7E+20 at epoch 3, more than 1E+06 times the untrained model's validation loss (0.02): " +
                     "training diverged; lower training.learningRate (now 10)", ex.Message);
    }

    [Fact]
    public void TheKeptModelIsTheBestTrainedEpochSoItsLossIsTheHistorysMinimum()
    {
        var module = new ScalarModule();
        var options = new TrainingOptions { MaxEpochs = 3, Patience = 5, MaxRounds = 1 };
        double[] validation = [0.0077, 0.9, 0.6847, 0.7];     // untrained, then three epochs none of which beats it
        int call = 0;
        var history = new EarlyStoppingTrainer(options, Logger.None, SilentProgress.Instance).Run("propagator", module,
            _ =>
            {
                using (no_grad()) module.Value.fill_(call);
                return 0.5;
            },
            () => validation[call++]);
        Assert.Equal(0.6847, history.Min(r => r.ValidationLoss));
        Assert.Equal(2.0, module.Value.item<double>());         // the weights of epoch 2, whose validation loss the history's minimum is
    }

    /// <summary>
    /// Fits y = 2x₁ − x₂ + 0.5 with a linear layer: shuffled mini-batches (the managed generator), inputs perturbed by the
    /// noise generator, a learning rate high enough that rounds of early stopping end. (Torch's default generator is left
    /// alone: tests running in parallel draw from it; <see cref="TrainingRandomnessTests"/> covers it.)
    /// </summary>
    private static (double[] Weights, IReadOnlyList<EpochRecord> History) Fit(OptimizerKind optimizer, TrainingCheckpoint checkpoint, int? stopAfter = null)
    {
        using var model = nn.Linear(2, 1, dtype: ScalarType.Float64);
        using (no_grad())
        {
            model.weight!.copy_(tensor(new[,] { { 0.3, -0.2 } }, dtype: ScalarType.Float64));
            model.bias!.fill_(0.1);
        }
        using var x = linspace(-1, 1, 40, dtype: ScalarType.Float64).reshape(20, 2);
        using var y = (x.select(1, 0) * 2 - x.select(1, 1) + 0.5).unsqueeze(1);
        var options = new TrainingOptions { MaxEpochs = 14, Patience = 2, MaxRounds = 4, LearningRate = 0.3, Optimizer = optimizer };
        using var randomness = new TrainingRandomness(5, 20, noise: true);
        using var cancel = new CancellationTokenSource();
        int epochs = 0;
        var history = new EarlyStoppingTrainer(options, Logger.None, SilentProgress.Instance).Run("fit", model, step =>
        {
            if (++epochs == stopAfter) cancel.Cancel();               // stops before the next epoch, as a killed process would
            var order = TensorData.Shuffled(20, randomness.Shuffle);
            double total = 0;
            for (int start = 0; start < 20; start += 8)
            {
                using var scope = NewDisposeScope();
                var batch = TensorData.Rows(x, order.AsSpan(start, Math.Min(8, 20 - start)));
                var input = batch + 0.01 * randn(batch.shape, ScalarType.Float64, generator: randomness.Noise);
                var loss = nn.functional.mse_loss(model.forward(input), TensorData.Rows(y, order.AsSpan(start, Math.Min(8, 20 - start))));
                step.ZeroGrad();
                loss.backward();
                step.Step();
                total += loss.item<double>();
            }
            return total;
        }, () =>
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            return nn.functional.mse_loss(model.forward(x), y).item<double>();
        }, cancel.Token, checkpoint, randomness);
        return ([.. model.weight!.data<double>(), model.bias!.item<double>()], history);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdaBelief)]
    public void ATrainingStoppedAfterAnyEpochResumesToTheSameWeightsAndHistory(OptimizerKind optimizer)
    {
        string dir = Directory.CreateTempSubdirectory("led-checkpoint").FullName;
        try
        {
            var (weights, history) = Fit(optimizer, new TrainingCheckpoint(Path.Combine(dir, "full.ckpt"), 1, 0));
            Assert.Contains(history, r => r.Round >= 1);                 // rounds end, so resuming across them is tested
            static object[] Losses(IEnumerable<EpochRecord> h) => h.Select(r => (object)(r.Epoch, r.Round, r.LearningRate, r.TrainLoss, r.ValidationLoss)).ToArray();
            for (int stop = 1; stop <= history.Count; stop++)
            {
                var checkpoint = new TrainingCheckpoint(Path.Combine(dir, $"stop{stop}.ckpt"), 1, 0);
                if (stop < history.Count) Assert.Throws<OperationCanceledException>(() => Fit(optimizer, checkpoint, stopAfter: stop));
                else Fit(optimizer, checkpoint);                         // the stage ended: its checkpoint says so
                var (resumedWeights, resumedHistory) = Fit(optimizer, checkpoint);
                Assert.True(weights.SequenceEqual(resumedWeights), $"stopped after epoch {stop}: [{string.Join(", ", resumedWeights)}], not [{string.Join(", ", weights)}]");
                Assert.Equal(Losses(history), Losses(resumedHistory));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ADamagedCheckpointIsRefusedWithTheFix()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("led-checkpoint").FullName, "propagator.ckpt");
        try
        {
            Fit(OptimizerKind.Adam, new TrainingCheckpoint(path, 1, 0), stopAfter: 100);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var error = Assert.Throws<InvalidDataException>(() => Fit(OptimizerKind.Adam, new TrainingCheckpoint(path, 1, 0)));
            Assert.StartsWith($"checkpoint {path} cannot be read (", error.Message);
            Assert.EndsWith("): run without --resume to train afresh", error.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private sealed class ScalarModule : nn.Module
    {
        public ScalarModule() : base("scalar")
        {
            Value = new TorchSharp.Modules.Parameter(tensor(0.0, dtype: ScalarType.Float64));
            RegisterComponents();
        }

        public TorchSharp.Modules.Parameter Value { get; }
    }
}
