namespace Led.Systems.CylinderFlow.Tests;

public class SheddingAnalysisTests
{
    [Fact]
    public void Crossings_and_spectrum_find_the_frequency_of_a_noisy_sine()
    {
        const double f = 0.1648, dt = 0.05;
        var rng = new Random(4);
        var times = Enumerable.Range(0, 2000).Select(k => 10 + k * dt).ToArray();
        var signal = times.Select(t => 1.3 + 0.33 * Math.Sin(2 * Math.PI * f * t + 0.4) + 0.01 * Math.Sin(4 * Math.PI * f * t) + 1e-3 * (rng.NextDouble() - 0.5)).ToArray();
        Assert.Equal(f, SheddingAnalysis.FrequencyFromCrossings(times, signal), 2e-4);
        Assert.Equal(f, SheddingAnalysis.DominantFrequency(signal, dt), 5e-4);
        var crossings = SheddingAnalysis.UpwardCrossings(times, signal);
        var stats = SheddingAnalysis.Statistics(times, signal, crossings[0], crossings[^1]);
        Assert.Equal(1.3, stats.Mean, 2e-3);
        Assert.Equal(0.33, stats.Amplitude, 5e-3);
    }
}
