namespace Led.Propagators.Sindy.Tests;

public class SavitzkyGolayTests
{
    [Fact]
    public void TheCentreWeightsAreTheTabulatedOnes()
    {
        // Savitzky & Golay (1964): window 5, order 2 (or 3) → (−3, 12, 17, 12, −3)/35; window 7, order 2 → (−2, 3, 6, 7, 6, 3, −2)/21.
        var five = SavitzkyGolay.Coefficients(5, 2, 0);
        double[] expected = [-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0];
        for (int k = 0; k < 5; k++) Assert.Equal(expected[k], five[k], 1e-14);
        Assert.Equal(five, SavitzkyGolay.Coefficients(5, 3, 0), new ToleranceComparer(1e-14));
        var seven = SavitzkyGolay.Coefficients(7, 2, 0);
        double[] expectedSeven = [-2 / 21.0, 3 / 21.0, 6 / 21.0, 7 / 21.0, 6 / 21.0, 3 / 21.0, -2 / 21.0];
        for (int k = 0; k < 7; k++) Assert.Equal(expectedSeven[k], seven[k], 1e-14);
    }

    [Fact]
    public void PolynomialsUpToTheOrderPassUnchangedEndsIncluded()
    {
        // x = t³ − 2t² + 0.5, y = 4 − t over 12 samples, order 3, window 7: every sample, the first and last three included.
        var x = Enumerable.Range(0, 12).SelectMany(t => new[] { Math.Pow(t * 0.1, 3) - 2 * Math.Pow(t * 0.1, 2) + 0.5, 4 - t * 0.1 }).ToArray();
        var smoothed = SavitzkyGolay.Smooth(x, 2, 7, 3);
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], smoothed[i], 1e-12);
    }

    [Fact]
    public void NoiseShrinksByTheSquareRootOfTheSumOfSquaredWeights()
    {
        // White noise of unit variance: after a window of 21 at order 2 its variance is Σ w_k² (= 0.1 for these weights, to 3 %).
        var random = new Random(4);
        var noise = Enumerable.Range(0, 40000).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
        var smoothed = SavitzkyGolay.Smooth(noise, 1, 21, 2);
        double expected = SavitzkyGolay.Coefficients(21, 2, 0).Sum(w => w * w);
        double variance = smoothed.Skip(10).Take(noise.Length - 20).Select(v => v * v).Average();
        Assert.InRange(variance / expected, 0.95, 1.05);
        Assert.InRange(expected, 0.09, 0.11);
    }

    [Fact]
    public void InvalidWindowsAreRefusedClearly()
    {
        Assert.Equal("the Savitzky–Golay window must be odd and positive, got 4", Assert.Throws<ArgumentException>(() => SavitzkyGolay.Coefficients(4, 2, 0)).Message);
        Assert.Equal("the Savitzky–Golay order must be in [0, window), got 5 for window 5", Assert.Throws<ArgumentException>(() => SavitzkyGolay.Coefficients(5, 5, 0)).Message);
        Assert.Equal("Savitzky–Golay smoothing over 7 samples needs trajectories of at least 7 samples, got 6",
            Assert.Throws<ArgumentException>(() => SavitzkyGolay.Smooth(new double[6], 1, 7, 2)).Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
