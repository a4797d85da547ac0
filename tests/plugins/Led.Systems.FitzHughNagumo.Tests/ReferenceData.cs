using Led.Testing;

namespace Led.Systems.FitzHughNagumo.Tests;

/// <summary>The reference's FHN files in ../shared/data/fhn-reference and the numbers of reference-spec §1.</summary>
internal static class ReferenceData
{
    /// <summary>data_min.txt / data_max.txt as quoted in reference-spec §1.5 (u, v).</summary>
    public static readonly double[] SpecMin = [-1.022019956159691656, -0.1749421447666666685];
    public static readonly double[] SpecMax = [1.023366826822245113, 0.1866165320999999822];

    /// <summary>
    /// Limit-cycle period, measured with this solver as the spacing of the upward zero crossings of u(x = 10) after
    /// t = 3000 from the reference IC 0 (successive spacings agree to 1e−5 there); cross-checked in
    /// <see cref="FitzHughNagumoTests"/> against the reference IC when ../shared is present.
    /// </summary>
    public const double CyclePeriod = 186.1856;

    /// <summary>Envelope of the limit cycle (every micro step over one period, all x), measured from IC 0 after t = 3000.</summary>
    public static readonly double[] CycleMin = [-1.019504, -0.147706];
    public static readonly double[] CycleMax = [1.019638, 0.148967];

    public static string File(params string[] parts) => RepositoryPaths.SharedFile(["data", "fhn-reference", .. parts]);

    /// <summary>Initial condition K (0..5) as a channel-major observable.</summary>
    public static double[] InitialCondition(int k) =>
        ColumnTextFile.ReadObservable(File("initial-conditions", $"y0{k}u.txt"), File("initial-conditions", $"y0{k}v.txt"));
}
