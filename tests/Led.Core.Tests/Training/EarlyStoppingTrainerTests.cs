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
