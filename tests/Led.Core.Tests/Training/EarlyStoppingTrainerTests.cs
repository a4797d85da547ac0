using Led.Core.Configuration;
using Led.Core.Progress;
using Led.Core.Training;
using Serilog.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

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
