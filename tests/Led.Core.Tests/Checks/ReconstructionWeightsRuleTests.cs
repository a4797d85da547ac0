using Led.Abstractions.Observables;
using Led.Core.Checks;
using Led.Core.Configuration;
using static Led.Core.Tests.Checks.Capabilities;

namespace Led.Core.Tests.Checks;

public class ReconstructionWeightsRuleTests
{
    private static readonly ReconstructionWeightsRule Rule = new();

    private static TrainingOptions Weighted(string field = "mask") => new() { ReconstructionWeights = new ReconstructionWeightsOptions { Field = field } };

    private static ComponentRuleContext Context(TrainingOptions training, Type? autoencoder, Dictionary<string, int[]>? fields = null) =>
        Capabilities.Context(training, autoencoder, TrainablePropagator) with
        {
            Grid = [4, 8],
            FieldsSource = "the system S",
            Fields = fields ?? new Dictionary<string, int[]> { ["mask"] = [4, 8], ["porosity"] = [4, 8] },
        };

    [Fact]
    public void AFieldOnTheGridOfATrainedAutoencoderPasses()
    {
        Assert.Empty(Rule.Check(Context(Weighted(), TrainableAutoencoder)));
        Assert.Empty(Rule.Check(Context(new TrainingOptions(), FittedAutoencoder, fields: [])));
    }

    [Fact]
    public void AnUnknownFieldIsNamedWithTheNearestAndTheFieldsThereAre()
    {
        Assert.Equal(["training.reconstructionWeights.field: the system S has no field 'mak'; did you mean 'mask'? (its fields: mask, porosity)"],
            Rule.Check(Context(Weighted("mak"), TrainableAutoencoder)));
        Assert.Equal(["training.reconstructionWeights.field: the system S has no fixed fields to weigh by: use a system that provides one (e.g. a body mask) " +
                      "or remove reconstructionWeights"],
            Rule.Check(Context(Weighted(), TrainableAutoencoder, fields: [])));
    }

    [Fact]
    public void AFieldOffTheObservablesGridIsRefused()
    {
        Assert.Equal(["training.reconstructionWeights.field: the field 'mask' of the system S has shape [8, 4], the observable's grid is [4, 8]: " +
                      "weigh by a field on the observable's grid"],
            Rule.Check(Context(Weighted(), TrainableAutoencoder, fields: new() { ["mask"] = [8, 4] })));
    }

    [Fact]
    public void ALossWithoutSquaredErrorsToWeighIsRefused()
    {
        var nll = Weighted();
        nll.AutoencoderLoss = LossKind.Nll;
        Assert.Equal(["training.reconstructionWeights: E is trained by the negative log-likelihood of its probabilistic decoder, and the weights weigh " +
                      "squared errors: set training.autoencoderLoss to mse or remove reconstructionWeights"],
            Rule.Check(Context(nll, TrainableAutoencoder)));
        Assert.Equal(["training.reconstructionWeights: the autoencoder is not trained by gradient in this run (E is fitted in closed form), so there is " +
                      "no loss to weigh: remove reconstructionWeights"],
            Rule.Check(Context(Weighted(), FittedAutoencoder)));
        var endToEnd = Weighted();
        endToEnd.Mode = TrainingMode.EndToEnd;
        Assert.Equal(["training.reconstructionWeights: endToEnd training weighs its reconstruction term and the autoencoder's pre-training, and neither " +
                      "is on: set training.reconstructionLoss or training.pretrainAutoencoder to true, or remove reconstructionWeights"],
            Rule.Check(Context(endToEnd, TrainableAutoencoder)));
        endToEnd.ReconstructionLoss = true;
        Assert.Empty(Rule.Check(Context(endToEnd, TrainableAutoencoder)));
    }

    [Fact]
    public void AnObservableWithoutAGridIsRefused()
    {
        Assert.Equal(["training.reconstructionWeights: it weighs the grid points of a field observable, and this system's observable is a PointSet: " +
                      "remove reconstructionWeights"],
            Rule.Check(Context(Weighted(), TrainableAutoencoder) with { Kind = ObservableKind.PointSet }));
    }
}
