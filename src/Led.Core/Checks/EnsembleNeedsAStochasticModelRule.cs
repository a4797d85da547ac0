using Led.Abstractions.Learning;
using Led.Abstractions.Observables;

namespace Led.Core.Checks;

/// <summary>
/// <c>forecast.ensemble</c> above 1 needs a model whose forecasts differ from member to member: a stochastic
/// propagator, or a probabilistic decoder of a point set or coordinate vector (which forecasts sample).
/// </summary>
public sealed class EnsembleNeedsAStochasticModelRule : IComponentRule
{
    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        int members = context.Config.Forecast.Ensemble;
        if (members <= 1 || context.Autoencoder is null || context.Propagator is null) yield break;
        bool samples = context.PropagatorIs<IStochasticPropagator>() ||
                       (context.AutoencoderIs<IProbabilisticDecoder>() && context.Kind != ObservableKind.Field);
        if (!samples)
            yield return $"forecast.ensemble: {members} members of a deterministic model would be identical; " +
                         "set it to 1, or use a stochastic propagator (or a probabilistic decoder of a point set or coordinate vector)";
    }
}
