namespace Led.Abstractions.Observables;

/// <summary>A vector of named coordinates (e.g. a molecule's bonds, angles and dihedrals), laid out <c>[coordinate]</c>.</summary>
public sealed record CoordinateObservable(IReadOnlyList<Coordinate> Coordinates) : Observable
{
    /// <inheritdoc/>
    public override ObservableKind Kind => ObservableKind.Coordinates;

    /// <inheritdoc/>
    public override int[] Shape => [Coordinates.Count];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names => Coordinates.Select(c => c.Name).ToArray();

    /// <inheritdoc/>
    public override int NameOf(int index) => index;

    /// <inheritdoc/>
    public override (double Min, double Max)? FixedBounds(int name)
    {
        var c = Coordinates[name];
        return c.Periodic || (double.IsFinite(c.Min) && double.IsFinite(c.Max)) ? (c.Min, c.Max) : null;
    }
}
