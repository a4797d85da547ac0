namespace Led.Systems.AdvectionDiffusion;

/// <summary>
/// Counter-based standard normals: value k of stream s is a pure function of (seed, s, k), so a stream does not depend on
/// how many others are drawn, in which order, or on how many threads draw them.
/// <para>
/// Bits: the key of stream s is SplitMix64's output function applied to (seed, s); word 0 of value k is
/// w₀ = mix(key + (k + 1)·γ) (γ = 0x9E3779B97F4A7C15: the k-th output of a SplitMix64 generator seeded with the key), and
/// further words, needed only on the ziggurat's rare slow path, are w_j = mix(w₀ + j·γ).
/// </para>
/// <para>
/// Normal: the ziggurat of Marsaglia and Tsang in Doornik's form (128 blocks, right tail from R = 3.442619855899, block
/// area V = 9.91256303526217e−3). From w₀: block i = its low 7 bits, u = 2U − 1 from its top 53 bits (disjoint bits).
/// If |u| &lt; x_{i+1}/x_i the value is u·x_i (about 99 % of draws: one hash, two table reads, no transcendental
/// function). Otherwise block 0 samples the tail (x = ln U₁/R, y = ln U₂ until −2y ≥ x²; value ±(R − x)), and other
/// blocks accept u·x_i under the density's wedge with probability given by a third uniform; a rejected draw retries
/// with the next words.
/// </para>
/// </summary>
internal sealed class CounterNormals
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const int Blocks = 128;
    private const double TailStart = 3.442619855899, BlockArea = 9.91256303526217e-3;
    private static readonly double[] X = BlockEdges();
    private static readonly double[] Ratio = Enumerable.Range(0, Blocks).Select(i => X[i + 1] / X[i]).ToArray();
    private readonly ulong[] _keys;

    /// <param name="seed">The run's seed.</param>
    /// <param name="streams">Number of independent streams; <see cref="Next"/> draws one value from each.</param>
    public CounterNormals(ulong seed, int streams)
    {
        _keys = new ulong[streams];
        for (int s = 0; s < streams; s++) _keys[s] = Mix(Mix(seed) ^ Mix((ulong)s + Gamma));
    }

    public int Streams => _keys.Length;

    /// <summary>Value number <paramref name="counter"/> of every stream: stream s's goes to <paramref name="values"/>[s].</summary>
    public void Next(ulong counter, Span<double> values)
    {
        var keys = _keys;
        ulong offset = (counter + 1) * Gamma;
        for (int s = 0; s < keys.Length; s++)
        {
            ulong w = Mix(keys[s] + offset);
            int i = (int)(w & (Blocks - 1));
            double u = 2.0 * Uniform(w) - 1.0;
            values[s] = Math.Abs(u) < Ratio[i] ? u * X[i] : Slow(w, i, u);
        }
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

    /// <summary>The tail, the wedges and the retries, from words w_j = mix(w₀ + j·γ).</summary>
    private static double Slow(ulong w0, int i, double u)
    {
        ulong j = 0;
        ulong Word() => Mix(w0 + ++j * Gamma);
        while (true)
        {
            if (i == 0)
            {
                double x, y;
                do
                {
                    x = Math.Log(Uniform(Word())) / TailStart;
                    y = Math.Log(Uniform(Word()));
                }
                while (-2 * y < x * x);
                return u < 0 ? x - TailStart : TailStart - x;
            }
            double v = u * X[i];
            double f0 = Math.Exp(-0.5 * (X[i] * X[i] - v * v)), f1 = Math.Exp(-0.5 * (X[i + 1] * X[i + 1] - v * v));
            if (f1 + Uniform(Word()) * (f0 - f1) < 1.0) return v;
            ulong w = Word();
            i = (int)(w & (Blocks - 1));
            u = 2.0 * Uniform(w) - 1.0;
            if (Math.Abs(u) < Ratio[i]) return u * X[i];
        }
    }

    /// <summary>x_0 = V/f(R), x_1 = R, x_i = √(−2 ln(V/x_{i−1} + f(x_{i−1}))), x_128 = 0, with f(x) = e^{−x²/2}.</summary>
    private static double[] BlockEdges()
    {
        var x = new double[Blocks + 1];
        double f = Math.Exp(-0.5 * TailStart * TailStart);
        x[0] = BlockArea / f;
        x[1] = TailStart;
        for (int i = 2; i < Blocks; i++)
        {
            x[i] = Math.Sqrt(-2 * Math.Log(BlockArea / x[i - 1] + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }
        x[Blocks] = 0;
        return x;
    }
}
