namespace Led.Hosting.Components;

/// <summary>The rules every registered component is checked against when the plugins are read.</summary>
public static class RegistrationRules
{
    public static IReadOnlyList<IRegistrationRule> Default { get; } = [new TrainedOrFittedRule()];
}
