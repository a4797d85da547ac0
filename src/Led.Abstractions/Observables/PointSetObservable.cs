namespace Led.Abstractions.Observables;

/// <summary>
/// A set of <paramref name="Points"/> points in <c>Dimensions.Count</c> dimensions, laid out <c>[point, dimension]</c>.
/// The order of the points carries no meaning: encoders must be permutation invariant, and forecasts are scored as
/// distributions (per dimension) rather than point by point.
/// </summary>
/// <param name="Points">Number of points N.</param>
/// <param name="Dimensions">Names of the D coordinates of a point, e.g. <c>["x", "y", "z"]</c>.</param>
/// <param name="Bounds">Optional fixed bounds per dimension (a box), used for scaling; null: fitted to the data.</param>
public sealed record PointSetObservable(int Points, IReadOnlyList<string> Dimensions, IReadOnlyList<(double Min, double Max)>? Bounds = null) : Observable
{
    /// <inheritdoc/>
    public override ObservableKind Kind => ObservableKind.PointSet;

    /// <inheritdoc/>
    public override int[] Shape => [Points, Dimensions.Count];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names => Dimensions;

    /// <inheritdoc/>
    public override int NameOf(int index) => index % Dimensions.Count;

    /// <inheritdoc/>
    public override (double Min, double Max)? FixedBounds(int name) => Bounds?[name];
}
