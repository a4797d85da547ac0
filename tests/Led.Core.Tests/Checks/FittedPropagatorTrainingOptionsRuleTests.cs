using Led.Core.Checks;
using Led.Core.Configuration;
using static Led.Core.Tests.Checks.Capabilities;

namespace Led.Core.Tests.Checks;

public class FittedPropagatorTrainingOptionsRuleTests
{
    private static readonly FittedPropagatorTrainingOptionsRule Rule = new();

    [Fact]
    public void PropagatorTrainingOptionsSetForAFittedPropagatorAreEachReported()
    {
        var problems = Rule.Check(Context(new TrainingOptions { Warmup = 20, Noise = 0.02 }, TrainableAutoencoder, FittedPropagator,
            "training.warmup", "training.noise", "training.learningRate")).ToList();
        Assert.Equal(
        [
            "training.warmup: propagator P is fitted in closed form, which does not use warmup (it shapes gradient training of a propagator): remove it",
            "training.noise: propagator P is fitted in closed form, which does not use noise (it shapes gradient training of a propagator): remove it",
        ], problems);
    }

    [Fact]
    public void DefaultsAndTrainablePropagatorsPass()
    {
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), FittedAutoencoder, FittedPropagator)));
        Assert.Empty(Rule.Check(Context(new TrainingOptions { Warmup = 20 }, FittedAutoencoder, TrainablePropagator, "training.warmup", "training.windowLength")));
    }
}
