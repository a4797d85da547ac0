namespace Led.Core.Checks;

/// <summary>The rules <c>PipelineChecks</c> runs on the configured components; a new rule is added here.</summary>
public static class ComponentRules
{
    public static IReadOnlyList<IComponentRule> Default { get; } =
    [
        new EndToEndTrainsEveryComponentRule(),
        new FittedPropagatorTrainingOptionsRule(),
        new GradientOptionsNeedATrainedComponentRule(),
        new LikelihoodLossNeedsADistributionRule(),
        new EnsembleNeedsAStochasticModelRule(),
        new VariationalEncoderTrainsSequentiallyRule(),
        new ReconstructionWeightsRule(),
    ];
}
