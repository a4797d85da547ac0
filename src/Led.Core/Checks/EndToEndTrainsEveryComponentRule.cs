using Led.Abstractions.Learning;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>End-to-end training trains the autoencoder and the propagator together by gradient: both must be trainable.</summary>
public sealed class EndToEndTrainsEveryComponentRule : IComponentRule
{
    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        if (context.Config.Training.Mode != TrainingMode.EndToEnd) yield break;
        if (context.Autoencoder is not null && !context.AutoencoderIs<ITrainable>())
            yield return $"training.mode: endToEnd trains the autoencoder by gradient, but encoder {context.Config.Encoder!.Name} is fitted in " +
                         "closed form: use mode 'sequential' or a trainable autoencoder";
        if (context.Propagator is not null && !context.PropagatorIs<ITrainable>())
            yield return $"training.mode: endToEnd trains the propagator by gradient, but propagator {context.Config.Propagator!.Name} is fitted " +
                         "in closed form: use mode 'sequential'";
    }
}
