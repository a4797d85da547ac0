namespace Led.Abstractions.Observables;

/// <summary>A vector of named coordinates (e.g. a molecule's bonds, angles and dihedrals), laid out <c>[coordinate]</c>.</summary>
public sealed record CoordinateObservable(IReadOnlyList<Coordinate> Coordinates) : Observable
{
    public override ObservableKind Kind => ObservableKind.Coordinates;

    public override int[] Shape => [Coordinates.Count];

    public override IReadOnlyList<string> Names => Coordinates.Select(c => c.Name).ToArray();

    public override int NameOf(int index) => index;

    public override (double Min, double Max)? FixedBounds(int name)
    {
        var c = Coordinates[name];
        return c.Periodic || (double.IsFinite(c.Min) && double.IsFinite(c.Max)) ? (c.Min, c.Max) : null;
    }
}
