namespace Led.Systems.CylinderFlow;

/// <summary>The geometry presets of <see cref="CylinderFlowOptions.Geometry"/> (nondimensional: D = 1).</summary>
public static class CylinderGeometry
{
    /// <summary>10D × 5D, cylinder at (2.5D, 2.5D): the reference's 1 × 0.5 box with D = 0.1 (blockage 0.2). Nx = 2·Ny.</summary>
    public const string LedLike = "LED-like";

    /// <summary>20D × 10D, cylinder at (Lx/4, Ly/2) (blockage 0.1). Nx = 2·Ny.</summary>
    public const string Validation = "validation";

    /// <summary>
    /// Schäfer &amp; Turek (1996) 2D-2: channel of height 4.1D with no-slip walls, parabolic inflow of mean U (Re on the
    /// mean velocity), cylinder at (2D, 2D); h = 4.1/Ny and the channel length Nx·h must be at least 22D.
    /// </summary>
    public const string SchaferTurek = "schaferTurek";

    /// <summary>Every preset name.</summary>
    public static IReadOnlyList<string> All { get; } = [LedLike, Validation, SchaferTurek];

    /// <summary>The preset <paramref name="name"/> refers to (case, '-' and '_' ignored), or null.</summary>
    public static string? Resolve(string? name)
    {
        if (name is null) return null;
        string key = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return All.FirstOrDefault(p => string.Equals(p.Replace("-", "", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase));
    }
}
