using Led.Abstractions.Systems;

namespace Led.Abstractions.Learning;

/// <summary>
/// A system-specific score of a forecast (e.g. drag from decoded flow fields, an energy balance), named in a config's
/// <c>metrics</c> list and added to <c>metrics.json</c> next to the built-in errors.
/// </summary>
public interface IForecastMetric
{
    /// <param name="system">The forecast system.</param>
    /// <param name="predictions">Predicted states in physical units, <c>[ic, t, channel, grid…]</c> flattened.</param>
    /// <param name="targets">True states, same layout.</param>
    /// <param name="initialConditions">Number of initial conditions (the first dimension).</param>
    /// <returns>Named values (lower-case snake_case keys), typically means over initial conditions and time.</returns>
    IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int initialConditions);
}
