namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// A real-to-complex FFT of fixed length N on the half spectrum (N/2 + 1 modes, real and imaginary parts kept
/// apart). Forward is unnormalised, X_k = Σ_j x_j e^{−2πijk/N}; Inverse scales by 1/N, so Inverse(Forward(x)) = x.
/// The imaginary parts of modes 0 and N/2 are ignored by Inverse and written as zero by Forward.
/// </summary>
public interface IRealFft
{
    /// <summary>The number of real samples N.</summary>
    int Length { get; }

    /// <summary>Half spectrum of <paramref name="samples"/> (length N) into <paramref name="real"/> and <paramref name="imaginary"/> (length N/2 + 1 each).</summary>
    void Forward(ReadOnlySpan<double> samples, Span<double> real, Span<double> imaginary);

    /// <summary>Real samples (length N) whose half spectrum is <paramref name="real"/> + i·<paramref name="imaginary"/>.</summary>
    void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, Span<double> samples);
}
