using System.Numerics;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// Shedding statistics of force and probe time series: Strouhal frequency from upward zero crossings and from the
/// spectral peak, and mean/amplitude over a whole number of periods.
/// </summary>
public static class SheddingAnalysis
{
    /// <summary>Times at which <paramref name="signal"/> minus its mean crosses zero upwards (linear interpolation).</summary>
    public static double[] UpwardCrossings(ReadOnlySpan<double> times, ReadOnlySpan<double> signal)
    {
        if (times.Length != signal.Length) throw new ArgumentException("times and signal differ in length");
        double mean = Mean(signal);
        var crossings = new List<double>();
        for (int k = 1; k < signal.Length; k++)
        {
            double a = signal[k - 1] - mean, b = signal[k] - mean;
            if (a < 0 && b >= 0) crossings.Add(times[k - 1] + (times[k] - times[k - 1]) * (-a / (b - a)));
        }
        return [.. crossings];
    }

    /// <summary>Frequency (periods per unit time) from the first and last upward crossing; NaN with fewer than two.</summary>
    public static double FrequencyFromCrossings(ReadOnlySpan<double> times, ReadOnlySpan<double> signal)
    {
        var crossings = UpwardCrossings(times, signal);
        return crossings.Length < 2 ? double.NaN : (crossings.Length - 1) / (crossings[^1] - crossings[0]);
    }

    /// <summary>
    /// The frequency of the largest spectral peak of a uniformly sampled signal (interval <paramref name="dt"/>):
    /// mean removed, Hann window, zero-padded FFT (at least 16× the length), parabolic interpolation of the peak.
    /// </summary>
    public static double DominantFrequency(ReadOnlySpan<double> signal, double dt)
    {
        int n = signal.Length;
        if (n < 4) return double.NaN;
        int m = (int)BitOperations.RoundUpToPowerOf2((uint)(16 * n));
        var re = new double[m];
        var im = new double[m];
        double mean = Mean(signal);
        for (int k = 0; k < n; k++) re[k] = (signal[k] - mean) * (0.5 - 0.5 * Math.Cos(2 * Math.PI * k / (n - 1)));
        new ComplexFft(m).Forward(re, im);
        int best = 1;
        double bestPower = 0;
        for (int k = 1; k < m / 2; k++)
        {
            double power = re[k] * re[k] + im[k] * im[k];
            if (power > bestPower)
            {
                bestPower = power;
                best = k;
            }
        }
        double Magnitude(int k) => Math.Sqrt(re[k] * re[k] + im[k] * im[k]);
        double left = Magnitude(best - 1), centre = Magnitude(best), right = Magnitude(best + 1);
        double denominator = left - 2 * centre + right;
        double shift = denominator == 0 ? 0 : 0.5 * (left - right) / denominator;
        return (best + shift) / (m * dt);
    }

    /// <summary>Mean, half peak-to-peak amplitude, maximum and minimum of the samples with first ≤ t &lt; last.</summary>
    public static (double Mean, double Amplitude, double Max, double Min) Statistics(
        ReadOnlySpan<double> times, ReadOnlySpan<double> signal, double first, double last)
    {
        double sum = 0, max = double.MinValue, min = double.MaxValue;
        int count = 0;
        for (int k = 0; k < signal.Length; k++)
        {
            if (times[k] < first || times[k] >= last) continue;
            sum += signal[k];
            max = Math.Max(max, signal[k]);
            min = Math.Min(min, signal[k]);
            count++;
        }
        return count == 0 ? (double.NaN, double.NaN, double.NaN, double.NaN) : (sum / count, 0.5 * (max - min), max, min);
    }

    private static double Mean(ReadOnlySpan<double> signal)
    {
        double sum = 0;
        foreach (double x in signal) sum += x;
        return signal.Length == 0 ? 0 : sum / signal.Length;
    }
}
