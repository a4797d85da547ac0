using Led.Abstractions.Observables;

namespace Led.Abstractions.Systems;

/// <summary>
/// A system's observable state s_t (its <see cref="Observable"/>: a field on a grid, a point set or a coordinate vector),
/// sampled every coarse Δt.
/// </summary>
public sealed record SystemDescription
{
    /// <summary>A field observable: named channels on a grid, laid out channel-major <c>[channel, grid…]</c>.</summary>
    /// <param name="Channels">Channel names, e.g. <c>["u"]</c> or <c>["u", "v"]</c>.</param>
    /// <param name="Grid">Grid points per spatial dimension, e.g. <c>[64]</c>.</param>
    /// <param name="Extent">Domain length per spatial dimension.</param>
    /// <param name="CoarseTimeStep">Δt between observed snapshots.</param>
    /// <param name="Periodic">Whether the spatial domain is periodic.</param>
    public SystemDescription(IReadOnlyList<string> Channels, IReadOnlyList<int> Grid, IReadOnlyList<double> Extent, double CoarseTimeStep, bool Periodic)
        : this(new FieldObservable(Channels, Grid, Extent, Periodic), CoarseTimeStep)
    {
    }

    /// <param name="Observable">What one snapshot is.</param>
    /// <param name="CoarseTimeStep">Δt between observed snapshots.</param>
    public SystemDescription(Observable Observable, double CoarseTimeStep)
    {
        this.Observable = Observable;
        this.CoarseTimeStep = CoarseTimeStep;
    }

    /// <summary>What one snapshot is: a field, a point set or a coordinate vector.</summary>
    public Observable Observable { get; }

    /// <summary>Δt between observed snapshots.</summary>
    public double CoarseTimeStep { get; }

    /// <summary>The kind of the observable.</summary>
    public ObservableKind Kind => Observable.Kind;

    /// <summary>The names of the separately scaled and scored quantities (a field's channels; see <see cref="Observable.Names"/>).</summary>
    public IReadOnlyList<string> Channels => Observable.Names;

    /// <summary>A field's grid points per spatial dimension; empty for other observables.</summary>
    public IReadOnlyList<int> Grid => (Observable as FieldObservable)?.Grid ?? [];

    /// <summary>A field's domain length per spatial dimension; empty for other observables.</summary>
    public IReadOnlyList<double> Extent => (Observable as FieldObservable)?.Extent ?? [];

    /// <summary>Whether a field's spatial domain is periodic.</summary>
    public bool Periodic => Observable is FieldObservable { Periodic: true };

    /// <summary>The shape of one snapshot, e.g. <c>[channels, grid…]</c> for a field.</summary>
    public int[] Shape => Observable.Shape;

    /// <summary>Number of values in one observable snapshot.</summary>
    public int Size => Observable.Size;
}
