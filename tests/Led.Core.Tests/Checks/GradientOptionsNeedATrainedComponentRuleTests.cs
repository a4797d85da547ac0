using Led.Core.Checks;
using Led.Core.Configuration;
using static Led.Core.Tests.Checks.Capabilities;

namespace Led.Core.Tests.Checks;

public class GradientOptionsNeedATrainedComponentRuleTests
{
    private static readonly GradientOptionsNeedATrainedComponentRule Rule = new();

    [Fact]
    public void OptimiserOptionsSetWhenNothingIsTrainedByGradientAreEachReported()
    {
        var problems = Rule.Check(Context(new TrainingOptions { LearningRate = 0.01, MaxEpochs = 4 }, FittedAutoencoder, FittedPropagator,
            "training.learningRate", "training.maxEpochs", "training.warmup")).ToList();
        Assert.Equal(
        [
            "training.learningRate: nothing is trained by gradient (encoder E is fitted in closed form, propagator P is fitted in closed form), so learningRate has no effect: remove it",
            "training.maxEpochs: nothing is trained by gradient (encoder E is fitted in closed form, propagator P is fitted in closed form), so maxEpochs has no effect: remove it",
        ], problems);
    }

    [Fact]
    public void APreTrainedAutoencoderIsNotTrainedByGradient()
    {
        var problem = Assert.Single(Rule.Check(Context(new TrainingOptions { Autoencoder = "runs/ae" }, TrainableAutoencoder, FittedPropagator, "training.batchSize")));
        Assert.StartsWith("training.batchSize: nothing is trained by gradient (encoder E is loaded pre-trained (training.autoencoder), propagator P", problem);
    }

    [Fact]
    public void AnyComponentTrainedByGradientUsesTheOptimiserOptions()
    {
        string[] set = ["training.learningRate", "training.maxEpochs"];
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), TrainableAutoencoder, FittedPropagator, set)));
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), FittedAutoencoder, TrainablePropagator, set)));
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), FittedAutoencoder, FittedPropagator)));
    }
}
