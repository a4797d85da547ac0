using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Led.Toolkit.Learning.Simd;

/// <summary>512-bit vectors (AVX-512).</summary>
internal readonly struct Lanes512<T> : ILanes<Vector512<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    public static Vector512<T> Load(ref T source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    public static void Store(Vector512<T> value, ref T target, nuint offset) => value.StoreUnsafe(ref target, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    public static Vector512<T> Max(Vector512<T> a, Vector512<T> b) => Vector512.Max(a, b);

    public static Vector512<T> Min(Vector512<T> a, Vector512<T> b) => Vector512.Min(a, b);

    public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Round(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector512.Round(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.Round(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"no vector rounding for {typeof(T).Name}");
    }

    /// <summary>
    /// Adding n to 1023 + 1.5·2^52 (127 + 1.5·2^23 for float) leaves n + bias in the low bits of the sum's mantissa;
    /// shifted into the exponent field they are 2^n.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ScaleByPowerOfTwo(Vector512<T> x, Vector512<T> n)
    {
        if (typeof(T) == typeof(double))
            return (x.AsDouble() * Vector512.ShiftLeft((n.AsDouble() + Vector512.Create(1023.0 + 6755399441055744.0)).AsUInt64(), 52).AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float))
            return (x.AsSingle() * Vector512.ShiftLeft((n.AsSingle() + Vector512.Create(127f + 12582912f)).AsUInt32(), 23).AsSingle()).As<float, T>();
        throw new NotSupportedException($"no vector power of two for {typeof(T).Name}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Sigmoid(Vector512<T> x) => Vector512<T>.One / (Vector512<T>.One + Exp(-x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Tanh(Vector512<T> x) => Vector512<T>.One - Vector512.Create(T.CreateTruncating(2)) / (Exp(x + x) + Vector512<T>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp(Vector512<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector512.Exp(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.Exp(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"no vector exponential for {typeof(T).Name}");
    }
}
