using System.Numerics.Tensors;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>
/// Counter-based standard normals: value k of stream s is a pure function of (seed, s, k), so a stream does not depend on
/// how many others are drawn, in which order, or on how many threads draw them.
/// <para>
/// Scheme: the key of stream s is SplitMix64 applied twice to (seed, s); uniform k of the stream is the SplitMix64
/// output mix(key + (k + 1)·γ) (γ = 0x9E3779B97F4A7C15), i.e. the k-th output of a SplitMix64 generator seeded with the
/// key, taken to (0, 1] with 53 bits. Stream s yields the pairs (z₁, z₂) of Box–Muller from uniforms 2m and 2m + 1:
/// r = √(−2 ln u₁), z₁ = r cos 2πu₂, z₂ = r sin 2πu₂. The transcendental part runs vectorised over a whole batch
/// (<see cref="TensorPrimitives"/>); only the integer hash is scalar.
/// </para>
/// </summary>
internal sealed class CounterNormals
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private readonly ulong[] _keys;
    private readonly double[] _u1, _u2, _sin, _cos;

    /// <param name="seed">The run's seed.</param>
    /// <param name="streams">Number of independent streams; <see cref="NextPairs"/> draws one pair from each.</param>
    public CounterNormals(ulong seed, int streams)
    {
        _keys = new ulong[streams];
        for (int s = 0; s < streams; s++) _keys[s] = Mix(Mix(seed) ^ Mix((ulong)s + Gamma));
        (_u1, _u2, _sin, _cos) = (new double[streams], new double[streams], new double[streams], new double[streams]);
    }

    public int Streams => _keys.Length;

    /// <summary>
    /// Pair number <paramref name="pair"/> of every stream: stream s's first normal goes to <paramref name="first"/>[s],
    /// its second to <paramref name="second"/>[s] (both of length <see cref="Streams"/>).
    /// </summary>
    public void NextPairs(ulong pair, Span<double> first, Span<double> second)
    {
        ulong k1 = 2 * pair + 1, k2 = 2 * pair + 2;
        var (keys, u1, u2) = (_keys, _u1, _u2);
        for (int s = 0; s < keys.Length; s++)
        {
            u1[s] = Uniform(Mix(keys[s] + k1 * Gamma));
            u2[s] = 2.0 * Uniform(Mix(keys[s] + k2 * Gamma));
        }
        TensorPrimitives.Log(u1, u1);
        TensorPrimitives.Multiply(u1, -2.0, u1);
        TensorPrimitives.Sqrt(u1, u1);
        TensorPrimitives.SinCosPi(u2, _sin, _cos);
        TensorPrimitives.Multiply(u1, _cos, first);
        TensorPrimitives.Multiply(u1, _sin, second);
    }

    /// <summary>The SplitMix64 output function.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The top 53 bits as a uniform on (0, 1] (never 0, so that its logarithm is finite).</summary>
    private static double Uniform(ulong bits) => ((bits >> 11) + 1) * (1.0 / (1UL << 53));
}
