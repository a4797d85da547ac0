using Led.Abstractions.Learning;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>
/// A negative log-likelihood loss needs a part that predicts a distribution: a probabilistic decoder for
/// <c>training.autoencoderLoss</c>, a stochastic propagator for <c>training.propagatorLoss</c>. End-to-end training
/// minimises squared errors, which ignores a stochastic propagator's distribution; closed-loop steps
/// (<c>training.rollout</c>) are scored by squared errors only.
/// </summary>
public sealed class LikelihoodLossNeedsADistributionRule : IComponentRule
{
    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        var (c, t) = (context.Config, context.Config.Training);
        if (t.AutoencoderLoss == LossKind.Nll && context.Autoencoder is not null && !context.AutoencoderIs<IProbabilisticDecoder>())
            yield return $"training.autoencoderLoss: nll needs a decoder that returns a distribution; {(c.Decoder ?? c.Encoder)?.Name} does not: use mse or auto";
        if (t.PropagatorLoss == LossKind.Nll && context.Propagator is not null && !context.PropagatorIs<IStochasticPropagator>())
            yield return $"training.propagatorLoss: nll needs a stochastic propagator; {c.Propagator?.Name} predicts one latent: use mse or auto";
        if (t.Mode == TrainingMode.EndToEnd && context.PropagatorIs<IStochasticPropagator>())
            yield return "training.mode: endToEnd trains on squared errors, which ignores a stochastic propagator's distribution: use mode 'sequential'";
        bool likelihood = t.PropagatorLoss == LossKind.Nll || (t.PropagatorLoss == LossKind.Auto && context.PropagatorIs<IStochasticPropagator>());
        if (t.Rollout > 0 && context.Propagator is not null && likelihood)
            yield return $"training.rollout: {c.Propagator?.Name} is trained by the negative log-likelihood of teacher-forced steps, and closed-loop steps " +
                         "are scored by squared errors: set training.propagatorLoss to mse or remove rollout";
    }
}
