namespace Led.Abstractions.Systems;

/// <summary>
/// The observable state s_t of a system: named channels on a grid, sampled every coarse Δt.
/// The observable is laid out channel-major: <c>[channel, grid…]</c>.
/// </summary>
/// <param name="Channels">Channel names, e.g. <c>["u"]</c> or <c>["u", "v"]</c>.</param>
/// <param name="Grid">Grid points per spatial dimension, e.g. <c>[64]</c>.</param>
/// <param name="Extent">Domain length per spatial dimension.</param>
/// <param name="CoarseTimeStep">Δt between observed snapshots.</param>
/// <param name="Periodic">Whether the spatial domain is periodic.</param>
public sealed record SystemDescription(
    IReadOnlyList<string> Channels,
    IReadOnlyList<int> Grid,
    IReadOnlyList<double> Extent,
    double CoarseTimeStep,
    bool Periodic)
{
    /// <summary><c>[channels, grid…]</c>.</summary>
    public int[] Shape => [Channels.Count, .. Grid];

    /// <summary>Number of values in one observable snapshot.</summary>
    public int Size => Channels.Count * Grid.Aggregate(1, (a, b) => a * b);
}
