namespace Led.Abstractions.Observables;

/// <summary>Named channels on a grid, laid out channel-major <c>[channel, grid…]</c>.</summary>
/// <param name="Channels">Channel names, e.g. <c>["u"]</c> or <c>["u", "v"]</c>.</param>
/// <param name="Grid">Grid points per spatial dimension, e.g. <c>[64]</c>.</param>
/// <param name="Extent">Domain length per spatial dimension.</param>
/// <param name="Periodic">Whether the spatial domain is periodic.</param>
public sealed record FieldObservable(IReadOnlyList<string> Channels, IReadOnlyList<int> Grid, IReadOnlyList<double> Extent, bool Periodic) : Observable
{
    /// <inheritdoc/>
    public override ObservableKind Kind => ObservableKind.Field;

    /// <inheritdoc/>
    public override int[] Shape => [Channels.Count, .. Grid];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names => Channels;

    /// <inheritdoc/>
    public override int NameOf(int index) => index / (Size / Channels.Count);

    /// <inheritdoc/>
    public override (double Min, double Max)? FixedBounds(int name) => null;
}
