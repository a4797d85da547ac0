namespace Led.Systems.KuramotoSivashinsky;

/// <summary>Lyapunov exponents of a KS trajectory (descending) and what they imply.</summary>
/// <param name="Exponents">λ₁ ≥ λ₂ ≥ … per time unit, with the mean and Nyquist modes projected out.</param>
/// <param name="KaplanYorkeDimension">D_KY = j + (λ₁ + … + λ_j)/|λ_{j+1}|; NaN when all partial sums are non-negative (too few exponents).</param>
/// <param name="Duration">Time over which the logarithmic growth was accumulated.</param>
/// <param name="Times">Accumulated time at each renormalisation.</param>
/// <param name="History">Running estimates of all exponents at each of <paramref name="Times"/>.</param>
public sealed record LyapunovResult(
    double[] Exponents,
    double KaplanYorkeDimension,
    double Duration,
    double[] Times,
    double[][] History)
{
    /// <summary>The largest exponent λ₁.</summary>
    public double Largest => Exponents[0];

    /// <summary>The Lyapunov time 1/λ₁.</summary>
    public double LyapunovTime => 1.0 / Exponents[0];

    /// <summary>How many exponents exceed <paramref name="threshold"/>.</summary>
    public int CountAbove(double threshold) => Exponents.Count(l => l > threshold);
}
