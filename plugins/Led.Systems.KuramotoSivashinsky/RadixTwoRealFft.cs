using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// Real FFT for power-of-two N: the N real samples are packed as N/2 complex values (even + i·odd), transformed
/// by a radix-2 complex FFT of length N/2 and split into the half spectrum. The forward complex transform is
/// decimation-in-frequency (bit-reversed output) and the inverse decimation-in-time (bit-reversed input), so
/// no permutation pass is needed: the split/merge steps address the bit-reversed slots directly.
/// All tables and work arrays are allocated once; a transform allocates nothing. Not thread-safe.
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

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> samples, Span<double> real, Span<double> imaginary)
    {
        int m = _m;
        if (samples.Length < _n || real.Length < m + 1 || imaginary.Length < m + 1)
            throw new ArgumentException($"expected {_n} samples and {m + 1} spectral slots");
        double[] zr = _zr, zi = _zi;
        ref double x = ref MemoryMarshal.GetReference(samples);
        for (int j = 0; j < m; j++)
        {
            zr[j] = Unsafe.Add(ref x, 2 * j);
            zi[j] = Unsafe.Add(ref x, 2 * j + 1);
        }
        ForwardComplex(zr, zi);

        ref double re = ref MemoryMarshal.GetReference(real);
        ref double im = ref MemoryMarshal.GetReference(imaginary);
        int[] rev = _reverse;
        double[] wc = _splitCos, ws = _splitSin;
        re = zr[0] + zi[0];
        im = 0;
        Unsafe.Add(ref re, m) = zr[0] - zi[0];
        Unsafe.Add(ref im, m) = 0;
        for (int k = 1, h = m / 2; k <= h; k++)
        {
            int ia = rev[k], ib = rev[m - k];
            double ar = zr[ia], ai = zi[ia], br = zr[ib], bi = zi[ib];
            double er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
            double or = 0.5 * (ai + bi), oi = 0.5 * (br - ar);
            double wr = wc[k], wi = ws[k];
            double tr = wr * or - wi * oi, ti = wr * oi + wi * or;
            Unsafe.Add(ref re, k) = er + tr;
            Unsafe.Add(ref im, k) = ei + ti;
            Unsafe.Add(ref re, m - k) = er - tr;
            Unsafe.Add(ref im, m - k) = ti - ei;
        }
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, Span<double> samples)
    {
        int m = _m;
        if (samples.Length < _n || real.Length < m + 1 || imaginary.Length < m + 1)
            throw new ArgumentException($"expected {_n} samples and {m + 1} spectral slots");
        double[] zr = _zr, zi = _zi;
        int[] rev = _reverse;
        double[] wc = _splitCos, ws = _splitSin;
        double s = 1.0 / _n;
        ref double re = ref MemoryMarshal.GetReference(real);
        ref double im = ref MemoryMarshal.GetReference(imaginary);
        double x0 = re, xm = Unsafe.Add(ref re, m);
        zr[0] = s * (x0 + xm);
        zi[0] = s * (x0 - xm);
        for (int k = 1, h = m / 2; k <= h; k++)
        {
            double pr = Unsafe.Add(ref re, k), pi = Unsafe.Add(ref im, k);
            double qr = Unsafe.Add(ref re, m - k), qi = Unsafe.Add(ref im, m - k);
            double sr = pr + qr, si = pi - qi;
            double dr = pr - qr, di = pi + qi;
            double wr = wc[k], wi = ws[k];
            double tr = dr * wr + di * wi, ti = di * wr - dr * wi;
            int ia = rev[k], ib = rev[m - k];
            zr[ia] = s * (sr - ti);
            zi[ia] = s * (si + tr);
            zr[ib] = s * (sr + ti);
            zi[ib] = s * (tr - si);
        }
        InverseComplex(zr, zi);

        ref double x = ref MemoryMarshal.GetReference(samples);
        for (int j = 0; j < m; j++)
        {
            Unsafe.Add(ref x, 2 * j) = zr[j];
            Unsafe.Add(ref x, 2 * j + 1) = zi[j];
        }
    }

    /// <summary>Decimation in frequency, natural order in, bit-reversed order out, exponent −.</summary>
    private void ForwardComplex(double[] zr, double[] zi)
    {
        int m = _m;
        double[] tc = _stageCos, ts = _stageSin;
        for (int span = m >> 1; span >= 1; span >>= 1)
        {
            for (int start = 0; start < m; start += 2 * span)
            {
                for (int j = 0; j < span; j++)
                {
                    int p = start + j, q = p + span;
                    double ar = zr[p], ai = zi[p], br = zr[q], bi = zi[q];
                    zr[p] = ar + br;
                    zi[p] = ai + bi;
                    double dr = ar - br, di = ai - bi;
                    double wr = tc[span + j], wi = ts[span + j];
                    zr[q] = dr * wr - di * wi;
                    zi[q] = dr * wi + di * wr;
                }
            }
        }
    }

    /// <summary>Decimation in time, bit-reversed order in, natural order out, exponent +, unnormalised.</summary>
    private void InverseComplex(double[] zr, double[] zi)
    {
        int m = _m;
        double[] tc = _stageCos, ts = _stageSin;
        for (int span = 1; span < m; span <<= 1)
        {
            for (int start = 0; start < m; start += 2 * span)
            {
                for (int j = 0; j < span; j++)
                {
                    int p = start + j, q = p + span;
                    double wr = tc[span + j], wi = -ts[span + j];
                    double br = zr[q] * wr - zi[q] * wi, bi = zr[q] * wi + zi[q] * wr;
                    double ar = zr[p], ai = zi[p];
                    zr[p] = ar + br;
                    zi[p] = ai + bi;
                    zr[q] = ar - br;
                    zi[q] = ai - bi;
                }
            }
        }
    }
}
