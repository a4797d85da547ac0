using Led.Core.Checks;
using Led.Core.Configuration;
using static Led.Core.Tests.Checks.Capabilities;

namespace Led.Core.Tests.Checks;

public class EndToEndTrainsEveryComponentRuleTests
{
    private static readonly EndToEndTrainsEveryComponentRule Rule = new();

    [Fact]
    public void EndToEndRefusesEachFittedComponent()
    {
        var endToEnd = new TrainingOptions { Mode = TrainingMode.EndToEnd };
        Assert.Equal(
        [
            "training.mode: endToEnd trains the autoencoder by gradient, but encoder E is fitted in closed form: use mode 'sequential' or a trainable autoencoder",
            "training.mode: endToEnd trains the propagator by gradient, but propagator P is fitted in closed form: use mode 'sequential'",
        ], Rule.Check(Context(endToEnd, FittedAutoencoder, FittedPropagator)));
        Assert.Single(Rule.Check(Context(endToEnd, TrainableAutoencoder, FittedPropagator)));
        Assert.Empty(Rule.Check(Context(endToEnd, TrainableAutoencoder, TrainablePropagator)));
    }

    [Fact]
    public void SequentialModeTakesFittedComponents() =>
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), FittedAutoencoder, FittedPropagator)));
}
