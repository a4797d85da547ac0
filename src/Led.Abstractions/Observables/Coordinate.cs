namespace Led.Abstractions.Observables;

/// <summary>
/// One entry of a <see cref="CoordinateObservable"/>. A periodic coordinate lives on [<paramref name="Min"/>,
/// <paramref name="Max"/>) with the two ends identified (e.g. a dihedral angle on [−π, π)); a non-periodic one gives its
/// expected range, or NaN bounds to fit them to the data.
/// </summary>
public sealed record Coordinate(string Name, double Min, double Max, bool Periodic)
{
    /// <summary>A non-periodic coordinate whose scaling bounds are fitted to the data.</summary>
    public static Coordinate Unbounded(string name) => new(name, double.NaN, double.NaN, false);
}
