namespace Led.Propagators.Sindy.Tests;

public class CubicSplineTests
{
    [Fact]
    public void ACubicIsReproducedExactlyBetweenTheSamples()
    {
        // The not-a-knot spline through samples of one cubic is that cubic, ends included.
        static double F(double t) => 0.5 * t * t * t - t * t + 3 * t - 1;
        var x = Enumerable.Range(0, 9).Select(t => F(t)).ToArray();
        var refined = CubicSpline.Refine(x, 1, 4);
        Assert.Equal(33, refined.Length);
        for (int j = 0; j < refined.Length; j++) Assert.Equal(F(j / 4.0), refined[j], 1e-11);
    }

    [Fact]
    public void TheOriginalSamplesAreKeptAndEachColumnIsInterpolatedOnItsOwn()
    {
        var x = new[] { 0.0, 5, 1, 4, 0.5, 3, 2, 2, 1, 1 };                    // [5, 2]
        var refined = CubicSpline.Refine(x, 2, 3);
        Assert.Equal(13 * 2, refined.Length);
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(x[2 * t], refined[2 * 3 * t], 1e-14);
            Assert.Equal(x[2 * t + 1], refined[2 * 3 * t + 1], 1e-14);
        }
        Assert.Equal(x, CubicSpline.Refine(x, 2, 1));
    }

    [Fact]
    public void InterpolatingBeforeFiniteDifferencesRecoversAKnownDerivativeMoreAccurately()
    {
        // x = sin(1.3 t) sampled at Δt = 0.2 (0.26 rad per sample): second-order differences at Δt are off by (ωΔt)²/6 ≈ 1.1 %;
        // after interpolation to Δt/5 the error is that of the spline and of differences at Δt/5.
        const double dt = 0.2, omega = 1.3;
        var x = Enumerable.Range(0, 60).Select(t => Math.Sin(omega * t * dt)).ToArray();
        double Error(double[] derivative, int factor) =>
            Enumerable.Range(0, 60).Max(t => Math.Abs(derivative[t * factor] - omega * Math.Cos(omega * t * dt)));
        double direct = Error(FiniteDifference.Derivative(x, 1, dt), 1);
        double interpolated = Error(FiniteDifference.Derivative(CubicSpline.Refine(x, 1, 5), 1, dt / 5), 5);
        // Measured: 2.9e-2 direct, 3.3e-3 interpolated (both largest at the one-sided ends; 9× smaller inside).
        Assert.InRange(direct, 0.01, 0.1);
        Assert.True(interpolated < 0.2 * direct, $"max derivative error {interpolated:E3} interpolated, {direct:E3} direct");
    }

    [Fact]
    public void TooShortTrajectoriesAreRefusedClearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => CubicSpline.Refine(new double[3], 1, 2));
        Assert.Equal("cubic interpolation needs at least 4 samples per trajectory, got 3", ex.Message);
    }
}
