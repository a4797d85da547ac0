namespace Led.Abstractions.Systems;

/// <summary>
/// Optional capability of an <see cref="IDynamicalSystem"/>: how its forecasts are judged. The host turns the default
/// metrics on for every run of the system (a config's <c>metrics</c> entry of the same name replaces one with its
/// options) and reports the headline score first.
/// </summary>
public interface IScoredSystem
{
    /// <summary>
    /// The key in <c>metrics.json</c> of the system's headline score (e.g. <c>mnad_inhibitor</c>, the paper's FHN metric),
    /// reported by the log and plotted against ρ for Multiscale-LED.
    /// </summary>
    string HeadlineMetric { get; }

    /// <summary>Names of registered metric components (<see cref="Learning.IForecastMetric"/>) computed for every forecast of the system.</summary>
    IReadOnlyList<string> DefaultMetrics { get; }
}
