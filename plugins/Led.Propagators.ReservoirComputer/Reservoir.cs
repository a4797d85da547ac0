using System.Numerics.Tensors;
using Led.Toolkit.Systems;

namespace Led.Propagators.ReservoirComputer;

/// <summary>
/// The fixed part of a reservoir computer (reference-spec §3.4, <c>dimred_rc.py</c>):
/// <list type="bullet">
/// <item>W, N × N in compressed rows: N·degree distinct positions drawn uniformly, entries U[0, 1), then scaled by
/// radius / ρ(W). W is non-negative, so its spectral radius ρ is its Perron root, a real eigenvalue; it is found by
/// power iteration on W + I, whose dominant eigenvalue is ρ + 1 alone (|λ + 1| &lt; ρ + 1 for every other eigenvalue λ of
/// a non-negative matrix), so the iteration converges even where W has several eigenvalues of modulus ρ.</item>
/// <item>W_in, block-diagonal: latent dimension i drives units i·N/d_z … (i + 1)·N/d_z − 1, each with its own weight
/// σ·U(−1, 1), so it is stored as one weight per unit.</item>
/// <item>The update h ← tanh(W h + W_in z), or with a leak rate a, h ← (1 − a) h + a tanh(W h + W_in z).</item>
/// <item>The read-out features aug(h): h with its even-indexed entries (0, 2, 4, …) squared.</item>
/// </list>
/// Random numbers come from <see cref="SplitMix64"/>, so a seed gives the same reservoir on every platform.
/// </summary>
internal sealed class Reservoir
{
    private readonly int[] _rowStart, _columns;
    private readonly double[] _values, _inputWeights;
    private readonly double? _leak;

    public Reservoir(int latentDim, int[] rowStart, int[] columns, double[] values, double[] inputWeights, double? leak)
    {
        int size = inputWeights.Length;
        if (size % latentDim != 0 || rowStart.Length != size + 1 || rowStart[0] != 0 || rowStart[^1] != columns.Length
            || columns.Length != values.Length || columns.Any(c => c < 0 || c >= size))
            throw new ArgumentException("inconsistent reservoir arrays");
        (LatentDim, Size, _rowStart, _columns, _values, _inputWeights, _leak) = (latentDim, size, rowStart, columns, values, inputWeights, leak);
    }

    public int LatentDim { get; }

    public int Size { get; }

    public double? Leak => _leak;

    public ReadOnlySpan<int> RowStart => _rowStart;

    public ReadOnlySpan<int> Columns => _columns;

    public ReadOnlySpan<double> Values => _values;

    public ReadOnlySpan<double> InputWeights => _inputWeights;

    /// <summary>A random reservoir of <paramref name="size"/> units (a multiple of <paramref name="latentDim"/>) scaled to <paramref name="radius"/>.</summary>
    public static Reservoir Random(int latentDim, int size, int degree, double radius, double inputScaling, double? leak, ulong seed)
    {
        var random = new SplitMix64(seed);
        long cells = (long)size * size;
        int count = (int)Math.Min((long)size * degree, cells);
        var positions = new HashSet<long>(count);
        while (positions.Count < count) positions.Add((long)(random.NextUInt64() % (ulong)cells));
        var sorted = positions.Order().ToArray();
        var rowStart = new int[size + 1];
        var columns = new int[count];
        var values = new double[count];
        for (int k = 0; k < count; k++)
        {
            rowStart[sorted[k] / size + 1]++;
            columns[k] = (int)(sorted[k] % size);
        }
        for (int r = 0; r < size; r++) rowStart[r + 1] += rowStart[r];
        for (int k = 0; k < count; k++) values[k] = random.NextDouble();
        var inputWeights = new double[size];
        for (int i = 0; i < size; i++) inputWeights[i] = inputScaling * (2 * random.NextDouble() - 1);

        double rho = SpectralRadius(rowStart, columns, values, size);
        if (!(rho > 0))
            throw new InvalidOperationException($"the random reservoir (size {size}, degree {degree}) has spectral radius 0: choose a larger degree");
        for (int k = 0; k < count; k++) values[k] *= radius / rho;
        return new Reservoir(latentDim, rowStart, columns, values, inputWeights, leak);
    }

    /// <summary>The spectral radius of a non-negative matrix in compressed rows: power iteration on W + I (see the class summary).</summary>
    public static double SpectralRadius(int[] rowStart, int[] columns, double[] values, int size)
    {
        var v = new double[size];
        var w = new double[size];
        Array.Fill(v, 1 / Math.Sqrt(size));
        double previous = double.NaN;
        for (int iteration = 0; iteration < 100_000; iteration++)
        {
            Multiply(rowStart, columns, values, v, w);
            TensorPrimitives.Add(w, v, w);
            double norm = TensorPrimitives.Norm<double>(w);
            TensorPrimitives.Divide(w, norm, v);
            if (Math.Abs(norm - previous) <= 1e-15 * norm) return norm - 1;
            previous = norm;
        }
        return previous - 1;
    }

    /// <summary>h ← tanh(W h + W_in z) (with the leak if set); <paramref name="scratch"/> holds N values.</summary>
    public void Advance(Span<double> h, ReadOnlySpan<double> z, Span<double> scratch)
    {
        Multiply(_rowStart, _columns, _values, h, scratch);
        int block = Size / LatentDim;
        for (int i = 0; i < Size; i++) scratch[i] += _inputWeights[i] * z[i / block];
        TensorPrimitives.Tanh(scratch, scratch);
        if (_leak is double a)
        {
            TensorPrimitives.Multiply(h, 1 - a, h);
            TensorPrimitives.MultiplyAdd(scratch, a, h, h);
        }
        else scratch.CopyTo(h);
    }

    /// <summary>The read-out features: h with its even-indexed entries squared.</summary>
    public static void Augment(ReadOnlySpan<double> h, Span<double> features)
    {
        for (int i = 0; i < h.Length; i++) features[i] = i % 2 == 0 ? h[i] * h[i] : h[i];
    }

    private static void Multiply(ReadOnlySpan<int> rowStart, ReadOnlySpan<int> columns, ReadOnlySpan<double> values, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int r = 0; r < y.Length; r++)
        {
            double sum = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) sum += values[k] * x[columns[k]];
            y[r] = sum;
        }
    }
}
