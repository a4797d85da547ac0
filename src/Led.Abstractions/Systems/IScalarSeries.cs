namespace Led.Abstractions.Systems;

/// <summary>
/// Optional capability of an <see cref="IMicroSimulation"/>: named scalar diagnostics observed with every snapshot
/// (e.g. a flow's drag and lift coefficients), stored by <c>led simulate</c> next to the trajectories.
/// </summary>
public interface IScalarSeries
{
    /// <summary>Series names (lower-case snake_case), in the order <see cref="ObserveSeries"/> writes them.</summary>
    IReadOnlyList<string> SeriesNames { get; }

    /// <summary>Writes the current value of every series into <paramref name="values"/> (one per name).</summary>
    void ObserveSeries(Span<double> values);
}
