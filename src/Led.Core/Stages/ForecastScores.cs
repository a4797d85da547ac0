using Led.Abstractions.Learning;
using Led.Core.Metrics;

namespace Led.Core.Stages;

/// <summary>
/// The scores of one forecast: flat metrics (snake_case keys), the error series of the model and of persistence per
/// initial condition and time (<see cref="Primary"/> names the one plotted against time), and the metric components' figures.
/// </summary>
public sealed record ForecastScores(
    Dictionary<string, double> Metrics,
    IReadOnlyList<ErrorSeries> Series,
    IReadOnlyList<ErrorSeries> Baseline,
    string Primary,
    IReadOnlyList<MetricFigure> Figures)
{
    /// <summary>The keys that metric components (not the built-in scores) added.</summary>
    public IReadOnlyList<string> ComponentKeys { get; init; } = [];

    public ErrorSeries this[string name] => Series.First(s => s.Name == name);

    public ErrorSeries BaselineOf(string name) => Baseline.First(s => s.Name == name);
}
