using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>
/// The optimiser's options (learning rate, epochs, batches, early stopping) do nothing when no component is trained by
/// gradient: the autoencoder is fitted in closed form or loaded pre-trained, and the propagator is fitted. Set in the
/// config, they are a mistake.
/// </summary>
public sealed class GradientOptionsNeedATrainedComponentRule : IComponentRule
{
    /// <summary>The <c>training</c> keys used only by gradient training.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["optimizer", "learningRate", "learningRateFactor", "batchSize", "maxEpochs", "patience", "maxRounds", "maxMinutes"];

    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        // End-to-end mode refuses fitted components (EndToEndTrainsEveryComponentRule).
        if (context.Config.Training.Mode == TrainingMode.EndToEnd || context.Autoencoder is null || context.Propagator is null) yield break;
        if (context.AutoencoderTrainedByGradient || context.PropagatorTrainedByGradient) yield break;
        string autoencoder = context.Config.Training.Autoencoder is null ? "is fitted in closed form" : "is loaded pre-trained (training.autoencoder)";
        foreach (var key in Keys.Where(k => context.IsSet($"training.{k}")))
            yield return $"training.{key}: nothing is trained by gradient (encoder {context.Config.Encoder!.Name} {autoencoder}, propagator " +
                         $"{context.Config.Propagator!.Name} is fitted in closed form), so {key} has no effect: remove it";
    }
}
