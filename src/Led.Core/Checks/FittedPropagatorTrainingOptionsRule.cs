using Led.Abstractions.Learning;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>
/// The training options that shape the propagator's gradient training (its windows, warm-up, input noise and closed-loop rollout) do
/// nothing for a propagator fitted in closed form; set in the config, they are a mistake.
/// </summary>
public sealed class FittedPropagatorTrainingOptionsRule : IComponentRule
{
    /// <summary>The <c>training</c> keys used only to train a propagator by gradient.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["windowLength", "windowStride", "sequenceLength", "warmup", "noise", "rollout"];

    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        // End-to-end mode refuses a fitted propagator (EndToEndTrainsEveryComponentRule).
        if (context.Config.Training.Mode == TrainingMode.EndToEnd || !context.PropagatorIs<IFittable>()) yield break;
        foreach (var key in Keys.Where(k => context.IsSet($"training.{k}")))
            yield return $"training.{key}: propagator {context.Config.Propagator!.Name} is fitted in closed form, which does not use " +
                         $"{key} (it shapes gradient training of a propagator): remove it";
    }
}
