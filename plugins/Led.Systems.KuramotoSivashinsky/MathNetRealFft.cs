using MathNet.Numerics.IntegralTransforms;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// <see cref="IRealFft"/> on MathNet.Numerics' packed real transforms (<c>Fourier.ForwardReal</c>/<c>InverseReal</c>,
/// Matlab convention). Kept as the comparison baseline for <see cref="RadixTwoRealFft"/>; MathNet may allocate
/// inside each call.
/// </summary>
public sealed class MathNetRealFft : IRealFft
{
    private readonly int _n;
    private readonly double[] _packed;

    /// <summary>A transform of <paramref name="length"/> real samples (even, at least 2).</summary>
    public MathNetRealFft(int length)
    {
        if (length < 2 || length % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "the real FFT length must be even, at least 2");
        _n = length;
        _packed = new double[length + 2];
    }

    /// <inheritdoc />
    public int Length => _n;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> samples, Span<double> real, Span<double> imaginary)
    {
        int modes = _n / 2 + 1;
        samples[.._n].CopyTo(_packed);
        Fourier.ForwardReal(_packed, _n, FourierOptions.Matlab);
        for (int k = 0; k < modes; k++)
        {
            real[k] = _packed[2 * k];
            imaginary[k] = _packed[2 * k + 1];
        }
        imaginary[0] = 0;
        imaginary[modes - 1] = 0;
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, Span<double> samples)
    {
        int modes = _n / 2 + 1;
        for (int k = 0; k < modes; k++)
        {
            _packed[2 * k] = real[k];
            _packed[2 * k + 1] = imaginary[k];
        }
        _packed[1] = 0;
        _packed[2 * modes - 1] = 0;
        Fourier.InverseReal(_packed, _n, FourierOptions.Matlab);
        _packed.AsSpan(0, _n).CopyTo(samples);
    }
}
