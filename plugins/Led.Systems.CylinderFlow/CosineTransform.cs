namespace Led.Systems.CylinderFlow;

/// <summary>
/// Fast DCT-II, C_k = Σ_j x_j cos(πk(2j+1)/(2N)), and its exact inverse (a scaled DCT-III), for a power-of-two
/// length N, computed two real sequences at a time through one complex FFT of length N (Makhoul's reordering).
/// Holds scratch buffers: one instance per thread.
/// </summary>
public sealed class CosineTransform
{
    private readonly ComplexFft _fft;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _c;
    private readonly double[] _s;
    private readonly double[] _spare;

    /// <summary>A transform of <paramref name="length"/> points (a power of two).</summary>
    public CosineTransform(int length)
    {
        _fft = new ComplexFft(length);
        Length = length;
        _re = new double[length];
        _im = new double[length];
        _c = new double[length];
        _s = new double[length];
        _spare = new double[length];
        for (int k = 0; k < length; k++)
        {
            _c[k] = Math.Cos(Math.PI * k / (2.0 * length));
            _s[k] = Math.Sin(Math.PI * k / (2.0 * length));
        }
    }

    /// <summary>Number of points N.</summary>
    public int Length { get; }

    /// <summary>DCT-II of <paramref name="a"/> and of <paramref name="b"/>, each in place (unnormalised).</summary>
    public void ForwardPair(Span<double> a, Span<double> b)
    {
        int n = Length;
        CheckLength(a, b);
        var re = _re.AsSpan();
        var im = _im.AsSpan();
        for (int m = 0; m < n / 2; m++)
        {
            re[m] = a[2 * m];
            re[n - 1 - m] = a[2 * m + 1];
            im[m] = b[2 * m];
            im[n - 1 - m] = b[2 * m + 1];
        }
        if (n == 1)
        {
            re[0] = a[0];
            im[0] = b[0];
        }
        _fft.Forward(re, im);
        a[0] = re[0];
        b[0] = im[0];
        for (int k = 1; k < n; k++)
        {
            double zr = re[k], zi = im[k], yr = re[n - k], yi = im[n - k];
            double c = _c[k], s = _s[k];
            a[k] = 0.5 * (c * (zr + yr) + s * (zi - yi));
            b[k] = 0.5 * (c * (zi + yi) - s * (zr - yr));
        }
    }

    /// <summary>The exact inverse of <see cref="ForwardPair"/> (DCT-III scaled by 1/N, the k = 0 term halved), in place.</summary>
    public void InversePair(Span<double> a, Span<double> b)
    {
        int n = Length;
        CheckLength(a, b);
        var re = _re.AsSpan();
        var im = _im.AsSpan();
        re[0] = a[0];
        im[0] = b[0];
        for (int k = 1; k < n; k++)
        {
            double c = _c[k], s = _s[k];
            double ca = a[k], caMirror = a[n - k], cb = b[k], cbMirror = b[n - k];
            double var = c * ca + s * caMirror, vai = s * ca - c * caMirror;
            double vbr = c * cb + s * cbMirror, vbi = s * cb - c * cbMirror;
            re[k] = var - vbi;
            im[k] = vai + vbr;
        }
        _fft.InverseUnscaled(re, im);
        double scale = 1.0 / n;
        for (int m = 0; m < n / 2; m++)
        {
            a[2 * m] = re[m] * scale;
            a[2 * m + 1] = re[n - 1 - m] * scale;
            b[2 * m] = im[m] * scale;
            b[2 * m + 1] = im[n - 1 - m] * scale;
        }
        if (n == 1)
        {
            a[0] = re[0];
            b[0] = im[0];
        }
    }

    /// <summary>DCT-II of one sequence in place (half the throughput of <see cref="ForwardPair"/>).</summary>
    public void Forward(Span<double> x)
    {
        Array.Clear(_spare);
        ForwardPair(x, _spare);
    }

    /// <summary>Inverse of <see cref="Forward"/> in place.</summary>
    public void Inverse(Span<double> x)
    {
        Array.Clear(_spare);
        InversePair(x, _spare);
    }

    private void CheckLength(Span<double> a, Span<double> b)
    {
        if (a.Length != Length || b.Length != Length)
            throw new ArgumentException($"both sequences must have {Length} points (got {a.Length} and {b.Length})");
    }
}
