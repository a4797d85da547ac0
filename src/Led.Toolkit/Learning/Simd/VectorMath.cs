using System.Numerics;
using System.Runtime.CompilerServices;

namespace Led.Toolkit.Learning.Simd;

/// <summary>
/// The exponential for any SIMD width (<see cref="ILanes{TVector, T}"/>), faster here than the vector types' own.
/// Scheme: x is clamped to [−708, 709] (float: [−87, 88]) so that 2^n stays normal; n = round(x·log₂e) and
/// r = x − n·ln 2 with ln 2 split in a high part of few bits (n times it is exact, with or without fused multiply-adds)
/// and a low part, |r| ≤ ½ ln 2; e^r by its Taylor polynomial to degree 13 (float: 7), whose remainder is below ½ ulp on
/// that interval, by Horner's rule with fused multiply-adds; then scaled by 2^n in the exponent bits. About an ulp from the correctly rounded value; inputs below
/// the clamp give e^−708 ≈ 3e−308 (float: e^−87) instead of a smaller number.
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp<TLanes, TVector, T>(TVector x) where TLanes : struct, ILanes<TVector, T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool single = typeof(T) == typeof(float);
        x = TLanes.Min(TLanes.Max(x, TLanes.Broadcast(T.CreateTruncating(single ? -87.0 : -708.0))), TLanes.Broadcast(T.CreateTruncating(single ? 88.0 : 709.0)));
        var n = TLanes.Round(TLanes.Multiply(x, TLanes.Broadcast(T.CreateTruncating(1.4426950408889634))));
        var (high, low) = single ? (0.693145751953125, 1.428606765330187e-6) : (0.693147180369123816490, 1.90821492927058770002e-10);
        var r = TLanes.MultiplyAdd(n, TLanes.Broadcast(T.CreateTruncating(-high)), x);
        r = TLanes.MultiplyAdd(n, TLanes.Broadcast(T.CreateTruncating(-low)), r);
        var c = Taylor<T>.Coefficients;
        var p = TLanes.Broadcast(c[7]);
        if (!single)
        {
            p = TLanes.MultiplyAdd(TLanes.Broadcast(c[13]), r, TLanes.Broadcast(c[12]));
            p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[11]));
            p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[10]));
            p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[9]));
            p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[8]));
            p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[7]));
        }
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[6]));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[5]));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[4]));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[3]));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[2]));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[1]));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(c[0]));
        return TLanes.ScaleByPowerOfTwo(p, n);
    }

    /// <summary>1/k! for k = 0 … 13.</summary>
    private static class Taylor<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static readonly T[] Coefficients = Enumerable.Range(0, 14)
            .Select(k => T.CreateTruncating(1.0 / Enumerable.Range(1, k).Aggregate(1.0, (product, i) => product * i))).ToArray();
    }
}
