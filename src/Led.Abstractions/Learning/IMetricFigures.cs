namespace Led.Abstractions.Learning;

/// <summary>Optional capability of an <see cref="IForecastMetric"/>: figures of its last evaluation, drawn by the host when plots are on.</summary>
public interface IMetricFigures
{
    /// <summary>The figures of the last <see cref="IForecastMetric.Evaluate"/> call (names are file names without extension).</summary>
    IReadOnlyList<MetricFigure> Figures { get; }
}
