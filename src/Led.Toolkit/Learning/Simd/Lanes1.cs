using System.Numerics;
using System.Runtime.CompilerServices;

namespace Led.Toolkit.Learning.Simd;

/// <summary>One value at a time: the fallback for CPUs without 256-bit vectors.</summary>
internal readonly struct Lanes1<T> : ILanes<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => 1;

    public static T Broadcast(T value) => value;

    public static T Load(ref T source, nuint offset) => Unsafe.Add(ref source, offset);

    public static void Store(T value, ref T target, nuint offset) => Unsafe.Add(ref target, offset) = value;

    public static T MultiplyAdd(T a, T b, T c) => T.FusedMultiplyAdd(a, b, c);

    public static T Add(T a, T b) => a + b;

    public static T Multiply(T a, T b) => a * b;

    public static T Max(T a, T b) => T.Max(a, b);

    public static T Min(T a, T b) => T.Min(a, b);

    public static T Exp(T x) => T.Exp(x);

    public static T Divide(T a, T b) => a / b;

    public static T Round(T x) => T.Round(x);

    public static T ScaleByPowerOfTwo(T x, T n) => T.ScaleB(x, int.CreateTruncating(n));

    public static T Sigmoid(T x) => T.One / (T.One + T.Exp(-x));

    public static T Tanh(T x) => T.Tanh(x);
}
