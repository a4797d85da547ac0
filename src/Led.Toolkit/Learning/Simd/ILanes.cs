namespace Led.Toolkit.Learning.Simd;

/// <summary>
/// One SIMD width's operations on <typeparamref name="TVector"/> (a vector of <typeparamref name="T"/>, or one
/// <typeparamref name="T"/> for the scalar fallback), so that a kernel is written once for every width and specialised by
/// the JIT for each.
/// </summary>
internal interface ILanes<TVector, T> where T : unmanaged
{
    static abstract int Count { get; }

    static abstract TVector Broadcast(T value);

    static abstract TVector Load(ref T source, nuint offset);

    static abstract void Store(TVector value, ref T target, nuint offset);

    /// <summary>a·b + c, fused where the CPU has FMA (float and double), else multiply and add.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    static abstract TVector Add(TVector a, TVector b);

    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>The larger of a and b, lane by lane.</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary>The smaller of a and b, lane by lane.</summary>
    static abstract TVector Min(TVector a, TVector b);

    /// <summary>e^x (float and double).</summary>
    static abstract TVector Exp(TVector x);

    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>The nearest integer, ties to even.</summary>
    static abstract TVector Round(TVector x);

    /// <summary>x·2^n for integral n within the normal exponents (−1022 … 1023 for double, −126 … 127 for float).</summary>
    static abstract TVector ScaleByPowerOfTwo(TVector x, TVector n);

    /// <summary>1 / (1 + e^−x), saturating to 0 and 1.</summary>
    static abstract TVector Sigmoid(TVector x);

    /// <summary>tanh x = 1 − 2 / (e^{2x} + 1), saturating to ±1 (absolute error a few ulps of 1).</summary>
    static abstract TVector Tanh(TVector x);
}
