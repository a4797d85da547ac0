using Led.Abstractions.Learning;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>
/// A variational encoder's β·KL term belongs to the autoencoder training (sequential mode); end-to-end training encodes
/// to the latent mean and would silently train it as a plain autoencoder, so it is refused.
/// </summary>
public sealed class VariationalEncoderTrainsSequentiallyRule : IComponentRule
{
    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        if (context.Config.Training.Mode == TrainingMode.EndToEnd && context.AutoencoderIs<IVariationalEncoder>())
            yield return $"training.mode: endToEnd trains encoder {context.Config.Encoder!.Name} on its latent mean without its β·KL term: use mode " +
                         "'sequential' (the autoencoder is trained with β·KL, then the propagator)";
    }
}
