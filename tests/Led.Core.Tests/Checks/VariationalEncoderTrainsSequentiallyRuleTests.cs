using Led.Core.Checks;
using Led.Core.Configuration;
using static Led.Core.Tests.Checks.Capabilities;

namespace Led.Core.Tests.Checks;

public class VariationalEncoderTrainsSequentiallyRuleTests
{
    private static readonly VariationalEncoderTrainsSequentiallyRule Rule = new();

    [Fact]
    public void EndToEndRefusesAVariationalEncoderItWouldTrainWithoutItsKlTerm()
    {
        Assert.Equal(
        [
            "training.mode: endToEnd trains encoder E on its latent mean without its β·KL term: use mode 'sequential' " +
            "(the autoencoder is trained with β·KL, then the propagator)",
        ], Rule.Check(Context(new TrainingOptions { Mode = TrainingMode.EndToEnd }, VariationalAutoencoder, TrainablePropagator)));
        Assert.Empty(Rule.Check(Context(new TrainingOptions { Mode = TrainingMode.EndToEnd }, TrainableAutoencoder, TrainablePropagator)));
    }

    [Fact]
    public void SequentialModeTakesAVariationalEncoder() =>
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), VariationalAutoencoder, TrainablePropagator)));
}
