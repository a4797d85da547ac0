namespace Led.Abstractions.Learning;

/// <summary>
/// A density map that a metric asks the host to draw (e.g. the joint density of u_x and u_xx): values
/// <c>[rows, columns]</c> over the x range (columns) and y range (rows), drawn as one heat map per name.
/// </summary>
public sealed record MetricFigure(string Name, string Title, string XLabel, string YLabel, double[,] Values, (double Lo, double Hi) X, (double Lo, double Hi) Y);
