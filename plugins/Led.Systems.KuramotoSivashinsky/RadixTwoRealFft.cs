using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// Real FFT for power-of-two N: the N real samples are packed as N/2 complex values (even + i·odd), transformed
/// by a radix-2 complex FFT of length N/2 and split into the half spectrum. The forward complex transform is
/// decimation-in-frequency (bit-reversed output) and the inverse decimation-in-time (bit-reversed input), so no
/// permutation pass is needed: the split/merge steps address the bit-reversed slots directly. The two stages with
/// trivial twiddles (span 2 and 1) run as one multiplication-free radix-4 pass; stages of span ≥ 4 use 256-bit
/// vectors where the hardware has them. All tables and work arrays are allocated once; a transform allocates
/// nothing. Not thread-safe.
/// </summary>
public sealed class RadixTwoRealFft : IRealFft
{
    private readonly int _n;
    private readonly int _m;
    private readonly int[] _reverse;      // bit reversal of log2(M) bits
    private readonly double[] _stageCos;  // span s at [s, 2s): cos(π j / s)
    private readonly double[] _stageSin;  // span s at [s, 2s): −sin(π j / s)
    private readonly double[] _splitCos;  // k = 0..M/2: cos(2π k / N)
    private readonly double[] _splitSin;  // k = 0..M/2: −sin(2π k / N)
    private readonly double[] _zr;
    private readonly double[] _zi;

    /// <summary>Tables for <paramref name="length"/> real samples; a power of two, at least 4.</summary>
    public RadixTwoRealFft(int length)
    {
        if (length < 4 || !BitOperations.IsPow2(length))
            throw new ArgumentOutOfRangeException(nameof(length), length, "the real FFT length must be a power of two, at least 4");
        _n = length;
        _m = length / 2;
        int bits = BitOperations.Log2((uint)_m);
        _reverse = new int[_m];
        for (int i = 0; i < _m; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _reverse[i] = r;
        }
        _stageCos = new double[_m];
        _stageSin = new double[_m];
        for (int s = 1; s < _m; s <<= 1)
            for (int j = 0; j < s; j++)
            {
                _stageCos[s + j] = Math.Cos(Math.PI * j / s);
                _stageSin[s + j] = -Math.Sin(Math.PI * j / s);
            }
        _splitCos = new double[_m / 2 + 1];
        _splitSin = new double[_m / 2 + 1];
        for (int k = 0; k <= _m / 2; k++)
        {
            _splitCos[k] = Math.Cos(2 * Math.PI * k / _n);
            _splitSin[k] = -Math.Sin(2 * Math.PI * k / _n);
        }
        _zr = new double[_m];
        _zi = new double[_m];
    }

    /// <inheritdoc />
    public int Length => _n;

    /// <summary>After <see cref="InverseToPacked"/>: the even samples x₀, x₂, … (N/2 values); input of <see cref="ForwardFromPacked"/>.</summary>
    internal double[] PackedEven => _zr;

    /// <summary>After <see cref="InverseToPacked"/>: the odd samples x₁, x₃, … (N/2 values); input of <see cref="ForwardFromPacked"/>.</summary>
    internal double[] PackedOdd => _zi;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> samples, Span<double> real, Span<double> imaginary)
    {
        int m = _m;
        if (samples.Length < _n || real.Length < m + 1 || imaginary.Length < m + 1)
            throw new ArgumentException($"expected {_n} samples and {m + 1} spectral slots");
        ref double x = ref MemoryMarshal.GetReference(samples);
        ref double zr = ref MemoryMarshal.GetArrayDataReference(_zr);
        ref double zi = ref MemoryMarshal.GetArrayDataReference(_zi);
        for (int j = 0; j < m; j++)
        {
            Unsafe.Add(ref zr, j) = Unsafe.Add(ref x, 2 * j);
            Unsafe.Add(ref zi, j) = Unsafe.Add(ref x, 2 * j + 1);
        }
        ForwardFromPacked(ref MemoryMarshal.GetReference(real), ref MemoryMarshal.GetReference(imaginary));
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, Span<double> samples)
    {
        int m = _m;
        if (samples.Length < _n || real.Length < m + 1 || imaginary.Length < m + 1)
            throw new ArgumentException($"expected {_n} samples and {m + 1} spectral slots");
        InverseToPacked(ref MemoryMarshal.GetReference(real), ref MemoryMarshal.GetReference(imaginary));
        ref double x = ref MemoryMarshal.GetReference(samples);
        ref double zr = ref MemoryMarshal.GetArrayDataReference(_zr);
        ref double zi = ref MemoryMarshal.GetArrayDataReference(_zi);
        for (int j = 0; j < m; j++)
        {
            Unsafe.Add(ref x, 2 * j) = Unsafe.Add(ref zr, j);
            Unsafe.Add(ref x, 2 * j + 1) = Unsafe.Add(ref zi, j);
        }
    }

    /// <summary>Half spectrum (N/2 + 1 slots each) of the samples held in <see cref="PackedEven"/>/<see cref="PackedOdd"/> (overwritten).</summary>
    internal void ForwardFromPacked(ref double re, ref double im)
    {
        int m = _m;
        ref double zr = ref MemoryMarshal.GetArrayDataReference(_zr);
        ref double zi = ref MemoryMarshal.GetArrayDataReference(_zi);
        ForwardComplex(ref zr, ref zi);

        ref int rev = ref MemoryMarshal.GetArrayDataReference(_reverse);
        ref double wc = ref MemoryMarshal.GetArrayDataReference(_splitCos);
        ref double ws = ref MemoryMarshal.GetArrayDataReference(_splitSin);
        re = zr + zi;
        im = 0;
        Unsafe.Add(ref re, m) = zr - zi;
        Unsafe.Add(ref im, m) = 0;
        for (int k = 1, h = m / 2; k <= h; k++)
        {
            int ia = Unsafe.Add(ref rev, k), ib = Unsafe.Add(ref rev, m - k);
            double ar = Unsafe.Add(ref zr, ia), ai = Unsafe.Add(ref zi, ia);
            double br = Unsafe.Add(ref zr, ib), bi = Unsafe.Add(ref zi, ib);
            // E = (A + B̄)/2, O = (A − B̄)/(2i), X_k = E + W^k·O, X_{M−k} = conj(E − W^k·O).
            double er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
            double or = 0.5 * (ai + bi), oi = 0.5 * (br - ar);
            double wr = Unsafe.Add(ref wc, k), wi = Unsafe.Add(ref ws, k);
            double tr = wr * or - wi * oi, ti = wr * oi + wi * or;
            Unsafe.Add(ref re, k) = er + tr;
            Unsafe.Add(ref im, k) = ei + ti;
            Unsafe.Add(ref re, m - k) = er - tr;
            Unsafe.Add(ref im, m - k) = ti - ei;
        }
    }

    /// <summary>Samples of the half spectrum (N/2 + 1 slots each) into <see cref="PackedEven"/>/<see cref="PackedOdd"/>, scaled by 1/N.</summary>
    internal void InverseToPacked(ref double re, ref double im)
    {
        int m = _m;
        ref double zr = ref MemoryMarshal.GetArrayDataReference(_zr);
        ref double zi = ref MemoryMarshal.GetArrayDataReference(_zi);
        ref int rev = ref MemoryMarshal.GetArrayDataReference(_reverse);
        ref double wc = ref MemoryMarshal.GetArrayDataReference(_splitCos);
        ref double ws = ref MemoryMarshal.GetArrayDataReference(_splitSin);
        double s = 1.0 / _n;
        double x0 = re, xm = Unsafe.Add(ref re, m);
        zr = s * (x0 + xm);
        zi = s * (x0 - xm);
        for (int k = 1, h = m / 2; k <= h; k++)
        {
            double pr = Unsafe.Add(ref re, k), pi = Unsafe.Add(ref im, k);
            double qr = Unsafe.Add(ref re, m - k), qi = Unsafe.Add(ref im, m - k);
            // Z_k = E + i·O with E = (P + Q̄)/2, O = (P − Q̄)·conj(W^k)/2; Z_{M−k} = conj(E) + i·conj(O); ×1/M.
            double sr = pr + qr, si = pi - qi;
            double dr = pr - qr, di = pi + qi;
            double wr = Unsafe.Add(ref wc, k), wi = Unsafe.Add(ref ws, k);
            double tr = dr * wr + di * wi, ti = di * wr - dr * wi;
            int ia = Unsafe.Add(ref rev, k), ib = Unsafe.Add(ref rev, m - k);
            Unsafe.Add(ref zr, ia) = s * (sr - ti);
            Unsafe.Add(ref zi, ia) = s * (si + tr);
            Unsafe.Add(ref zr, ib) = s * (sr + ti);
            Unsafe.Add(ref zi, ib) = s * (tr - si);
        }
        InverseComplex(ref zr, ref zi);
    }

    /// <summary>Decimation in frequency, natural order in, bit-reversed order out, exponent −.</summary>
    private void ForwardComplex(ref double zr, ref double zi)
    {
        int m = _m;
        ref double tc = ref MemoryMarshal.GetArrayDataReference(_stageCos);
        ref double ts = ref MemoryMarshal.GetArrayDataReference(_stageSin);
        int span = m >> 1;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; span >= 4; span >>= 1)
                for (int start = 0; start < m; start += 2 * span)
                    for (int j = 0; j < span; j += 4)
                    {
                        nuint p = (nuint)(start + j), q = p + (nuint)span, t = (nuint)(span + j);
                        var ar = Vector256.LoadUnsafe(ref zr, p);
                        var ai = Vector256.LoadUnsafe(ref zi, p);
                        var br = Vector256.LoadUnsafe(ref zr, q);
                        var bi = Vector256.LoadUnsafe(ref zi, q);
                        var wr = Vector256.LoadUnsafe(ref tc, t);
                        var wi = Vector256.LoadUnsafe(ref ts, t);
                        (ar + br).StoreUnsafe(ref zr, p);
                        (ai + bi).StoreUnsafe(ref zi, p);
                        var dr = ar - br;
                        var di = ai - bi;
                        (dr * wr - di * wi).StoreUnsafe(ref zr, q);
                        (dr * wi + di * wr).StoreUnsafe(ref zi, q);
                    }
        }
        for (; span >= 4; span >>= 1)
            for (int start = 0; start < m; start += 2 * span)
                for (int j = 0; j < span; j++)
                {
                    int p = start + j, q = p + span;
                    double ar = Unsafe.Add(ref zr, p), ai = Unsafe.Add(ref zi, p);
                    double br = Unsafe.Add(ref zr, q), bi = Unsafe.Add(ref zi, q);
                    Unsafe.Add(ref zr, p) = ar + br;
                    Unsafe.Add(ref zi, p) = ai + bi;
                    double dr = ar - br, di = ai - bi;
                    double wr = Unsafe.Add(ref tc, span + j), wi = Unsafe.Add(ref ts, span + j);
                    Unsafe.Add(ref zr, q) = dr * wr - di * wi;
                    Unsafe.Add(ref zi, q) = dr * wi + di * wr;
                }
        if (m == 2)
        {
            double ar = zr, ai = zi, br = Unsafe.Add(ref zr, 1), bi = Unsafe.Add(ref zi, 1);
            zr = ar + br; zi = ai + bi;
            Unsafe.Add(ref zr, 1) = ar - br; Unsafe.Add(ref zi, 1) = ai - bi;
            return;
        }
        // Spans 2 (twiddles 1, −i) and 1 (twiddle 1) as one radix-4 pass.
        for (int g = 0; g < m; g += 4)
        {
            ref double r = ref Unsafe.Add(ref zr, g);
            ref double i = ref Unsafe.Add(ref zi, g);
            double x0r = r, x0i = i;
            double x1r = Unsafe.Add(ref r, 1), x1i = Unsafe.Add(ref i, 1);
            double x2r = Unsafe.Add(ref r, 2), x2i = Unsafe.Add(ref i, 2);
            double x3r = Unsafe.Add(ref r, 3), x3i = Unsafe.Add(ref i, 3);
            double y0r = x0r + x2r, y0i = x0i + x2i;
            double y1r = x1r + x3r, y1i = x1i + x3i;
            double y2r = x0r - x2r, y2i = x0i - x2i;
            double y3r = x1i - x3i, y3i = x3r - x1r; // (x1 − x3)·(−i)
            r = y0r + y1r; i = y0i + y1i;
            Unsafe.Add(ref r, 1) = y0r - y1r; Unsafe.Add(ref i, 1) = y0i - y1i;
            Unsafe.Add(ref r, 2) = y2r + y3r; Unsafe.Add(ref i, 2) = y2i + y3i;
            Unsafe.Add(ref r, 3) = y2r - y3r; Unsafe.Add(ref i, 3) = y2i - y3i;
        }
    }

    /// <summary>Decimation in time, bit-reversed order in, natural order out, exponent +, unnormalised.</summary>
    private void InverseComplex(ref double zr, ref double zi)
    {
        int m = _m;
        ref double tc = ref MemoryMarshal.GetArrayDataReference(_stageCos);
        ref double ts = ref MemoryMarshal.GetArrayDataReference(_stageSin);
        if (m == 2)
        {
            double ar = zr, ai = zi, br = Unsafe.Add(ref zr, 1), bi = Unsafe.Add(ref zi, 1);
            zr = ar + br; zi = ai + bi;
            Unsafe.Add(ref zr, 1) = ar - br; Unsafe.Add(ref zi, 1) = ai - bi;
            return;
        }
        // Spans 1 (twiddle 1) and 2 (twiddles 1, +i) as one radix-4 pass.
        for (int g = 0; g < m; g += 4)
        {
            ref double r = ref Unsafe.Add(ref zr, g);
            ref double i = ref Unsafe.Add(ref zi, g);
            double x0r = r, x0i = i;
            double x1r = Unsafe.Add(ref r, 1), x1i = Unsafe.Add(ref i, 1);
            double x2r = Unsafe.Add(ref r, 2), x2i = Unsafe.Add(ref i, 2);
            double x3r = Unsafe.Add(ref r, 3), x3i = Unsafe.Add(ref i, 3);
            double y0r = x0r + x1r, y0i = x0i + x1i;
            double y1r = x0r - x1r, y1i = x0i - x1i;
            double y2r = x2r + x3r, y2i = x2i + x3i;
            double br = x3i - x2i, bi = x2r - x3r; // (x2 − x3)·i
            r = y0r + y2r; i = y0i + y2i;
            Unsafe.Add(ref r, 2) = y0r - y2r; Unsafe.Add(ref i, 2) = y0i - y2i;
            Unsafe.Add(ref r, 1) = y1r + br; Unsafe.Add(ref i, 1) = y1i + bi;
            Unsafe.Add(ref r, 3) = y1r - br; Unsafe.Add(ref i, 3) = y1i - bi;
        }
        int span = 4;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; span < m; span <<= 1)
                for (int start = 0; start < m; start += 2 * span)
                    for (int j = 0; j < span; j += 4)
                    {
                        nuint p = (nuint)(start + j), q = p + (nuint)span, t = (nuint)(span + j);
                        var wr = Vector256.LoadUnsafe(ref tc, t);
                        var wi = Vector256.LoadUnsafe(ref ts, t);
                        var xr = Vector256.LoadUnsafe(ref zr, q);
                        var xi = Vector256.LoadUnsafe(ref zi, q);
                        // b = x·conj(w)
                        var br = xr * wr + xi * wi;
                        var bi = xi * wr - xr * wi;
                        var ar = Vector256.LoadUnsafe(ref zr, p);
                        var ai = Vector256.LoadUnsafe(ref zi, p);
                        (ar + br).StoreUnsafe(ref zr, p);
                        (ai + bi).StoreUnsafe(ref zi, p);
                        (ar - br).StoreUnsafe(ref zr, q);
                        (ai - bi).StoreUnsafe(ref zi, q);
                    }
        }
        for (; span < m; span <<= 1)
            for (int start = 0; start < m; start += 2 * span)
                for (int j = 0; j < span; j++)
                {
                    int p = start + j, q = p + span;
                    double wr = Unsafe.Add(ref tc, span + j), wi = Unsafe.Add(ref ts, span + j);
                    double xr = Unsafe.Add(ref zr, q), xi = Unsafe.Add(ref zi, q);
                    double br = xr * wr + xi * wi, bi = xi * wr - xr * wi;
                    double ar = Unsafe.Add(ref zr, p), ai = Unsafe.Add(ref zi, p);
                    Unsafe.Add(ref zr, p) = ar + br;
                    Unsafe.Add(ref zi, p) = ai + bi;
                    Unsafe.Add(ref zr, q) = ar - br;
                    Unsafe.Add(ref zi, q) = ai - bi;
                }
    }
}
