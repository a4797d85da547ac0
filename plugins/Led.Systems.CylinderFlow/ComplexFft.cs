using System.Numerics;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// In-place iterative radix-2 complex FFT on split real/imaginary arrays, X_k = Σ x_j e^{−2πijk/n}; the inverse is
/// unnormalised. Twiddles and the bit-reversal table are computed once; a transform allocates nothing.
/// </summary>
internal sealed class ComplexFft
{
    private readonly int[] _reverse;
    private readonly double[] _cos;
    private readonly double[] _sin;

    public ComplexFft(int length)
    {
        if (length < 1 || !BitOperations.IsPow2(length))
            throw new ArgumentException($"FFT length {length} must be a power of two", nameof(length));
        Length = length;
        int bits = BitOperations.Log2((uint)length);
        _reverse = new int[length];
        for (int i = 0; i < length; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _reverse[i] = r;
        }
        _cos = new double[Math.Max(1, length / 2)];
        _sin = new double[Math.Max(1, length / 2)];
        for (int k = 0; k < length / 2; k++)
        {
            double angle = 2 * Math.PI * k / length;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }
    }

    public int Length { get; }

    /// <summary>Forward transform (e^{−2πi jk/n}) in place.</summary>
    public void Forward(Span<double> re, Span<double> im)
    {
        int n = Length;
        if (re.Length < n || im.Length < n) throw new ArgumentException("buffers shorter than the FFT length");
        re = re[..n];
        im = im[..n];
        for (int i = 0; i < n; i++)
        {
            int r = _reverse[i];
            if (r > i)
            {
                (re[i], re[r]) = (re[r], re[i]);
                (im[i], im[r]) = (im[r], im[i]);
            }
        }
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1;
            int stride = n / size;
            for (int k = 0; k < half; k++)
            {
                double wr = _cos[k * stride];
                double wi = -_sin[k * stride];
                for (int a = k; a < n; a += size)
                {
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /// <summary>Unnormalised inverse transform (e^{+2πi jk/n}) in place: swap(FFT(swap(x))).</summary>
    public void InverseUnscaled(Span<double> re, Span<double> im) => Forward(im, re);
}
