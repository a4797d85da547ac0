namespace Led.Abstractions.Observables;

/// <summary>
/// The shape and meaning of a system's observable state s_t: a <see cref="FieldObservable"/>, a
/// <see cref="PointSetObservable"/> or a <see cref="CoordinateObservable"/>.
/// </summary>
public abstract record Observable
{
    /// <summary>Which kind of observable this is (field, point set or coordinates).</summary>
    public abstract ObservableKind Kind { get; }

    /// <summary>The shape of one snapshot (row-major).</summary>
    public abstract int[] Shape { get; }

    /// <summary>
    /// The names of the quantities that are scaled and scored separately: a field's channels, a point set's dimensions,
    /// a vector's coordinates.
    /// </summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>Number of values in one snapshot.</summary>
    public int Size => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>Which of <see cref="Names"/> the value at <paramref name="index"/> of a snapshot belongs to.</summary>
    public abstract int NameOf(int index);

    /// <summary>
    /// Fixed scaling bounds of quantity <paramref name="name"/> (an index into <see cref="Names"/>), or null when they are
    /// fitted to the data. Periodic coordinates always have them, so that no scaling crosses the cut.
    /// </summary>
    public abstract (double Min, double Max)? FixedBounds(int name);
}
