using Led.Core.Checks;
using Led.Core.Configuration;
using static Led.Core.Tests.Checks.Capabilities;

namespace Led.Core.Tests.Checks;

public class LikelihoodLossNeedsADistributionRuleTests
{
    private static readonly LikelihoodLossNeedsADistributionRule Rule = new();

    [Fact]
    public void ClosedLoopStepsNeedASquaredErrorPropagatorLoss()
    {
        var problems = Rule.Check(Context(new TrainingOptions { Rollout = 5, PropagatorLoss = LossKind.Nll }, TrainableAutoencoder, TrainablePropagator)).ToList();
        Assert.Contains("training.rollout: P is trained by the negative log-likelihood of teacher-forced steps, and closed-loop steps are scored by " +
                        "squared errors: set training.propagatorLoss to mse or remove rollout", problems);
        Assert.Empty(Rule.Check(Context(new TrainingOptions { Rollout = 5 }, TrainableAutoencoder, TrainablePropagator)));
    }
}
