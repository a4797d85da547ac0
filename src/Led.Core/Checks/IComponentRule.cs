namespace Led.Core.Checks;

/// <summary>
/// A check of the configured components against the config and against each other, run by <c>PipelineChecks</c>
/// before any work (data generation, training): e.g. a training option that the chosen components ignore.
/// </summary>
public interface IComponentRule
{
    /// <summary>Every problem, each as <c>json.path: what is wrong and how to fix it</c>; empty when the rule passes.</summary>
    IEnumerable<string> Check(ComponentRuleContext context);
}
