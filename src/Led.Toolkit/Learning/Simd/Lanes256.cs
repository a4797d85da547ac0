using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using X86Fma = System.Runtime.Intrinsics.X86.Fma;

namespace Led.Toolkit.Learning.Simd;

/// <summary>256-bit vectors (AVX; fused multiply-add where the CPU has FMA).</summary>
internal readonly struct Lanes256<T> : ILanes<Vector256<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;

    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    public static Vector256<T> Load(ref T source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    public static void Store(Vector256<T> value, ref T target, nuint offset) => value.StoreUnsafe(ref target, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (X86Fma.IsSupported && typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (X86Fma.IsSupported && typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    public static Vector256<T> Max(Vector256<T> a, Vector256<T> b) => Vector256.Max(a, b);

    public static Vector256<T> Min(Vector256<T> a, Vector256<T> b) => Vector256.Min(a, b);

    public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Round(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector256.Round(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.Round(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"no vector rounding for {typeof(T).Name}");
    }

    /// <summary>
    /// Adding n to 1023 + 1.5·2^52 (127 + 1.5·2^23 for float) leaves n + bias in the low bits of the sum's mantissa;
    /// shifted into the exponent field they are 2^n.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ScaleByPowerOfTwo(Vector256<T> x, Vector256<T> n)
    {
        if (typeof(T) == typeof(double))
            return (x.AsDouble() * Vector256.ShiftLeft((n.AsDouble() + Vector256.Create(1023.0 + 6755399441055744.0)).AsUInt64(), 52).AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float))
            return (x.AsSingle() * Vector256.ShiftLeft((n.AsSingle() + Vector256.Create(127f + 12582912f)).AsUInt32(), 23).AsSingle()).As<float, T>();
        throw new NotSupportedException($"no vector power of two for {typeof(T).Name}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Sigmoid(Vector256<T> x) => Vector256<T>.One / (Vector256<T>.One + Exp(-x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Tanh(Vector256<T> x) => Vector256<T>.One - Vector256.Create(T.CreateTruncating(2)) / (Exp(x + x) + Vector256<T>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector256.Exp(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.Exp(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"no vector exponential for {typeof(T).Name}");
    }
}
