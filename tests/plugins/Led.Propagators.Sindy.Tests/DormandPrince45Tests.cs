namespace Led.Propagators.Sindy.Tests;

public class DormandPrince45Tests
{
    [Theory]
    [InlineData(1e-4, 1e-3)]
    [InlineData(1e-8, 1e-7)]
    [InlineData(1e-11, 1e-10)]
    public void ExponentialDecayIsIntegratedToTheRequestedTolerance(double tolerance, double bound)
    {
        // y' = −2y, y(0) = 1 over t ∈ [0, 3]: y(3) = e^{−6}. The global error stays within 10× the per-step tolerance.
        var integrator = new DormandPrince45(1, tolerance, tolerance, 100_000);
        var y = new[] { 1.0 };
        Assert.True(integrator.Integrate((x, dx) => dx[0] = -2 * x[0], y, 3.0));
        Assert.True(Math.Abs(y[0] - Math.Exp(-6)) <= bound, $"error {Math.Abs(y[0] - Math.Exp(-6)):E3} at tolerance {tolerance:E0}");
    }

    [Fact]
    public void AHarmonicOscillatorKeepsItsPhaseAndTighterTolerancesTakeMoreSteps()
    {
        // x'' = −ω² x with ω = 3 over three periods from (1, 0): back at (1, 0).
        const double omega = 3;
        double duration = 3 * 2 * Math.PI / omega;
        int Steps(double tolerance, out double error)
        {
            var integrator = new DormandPrince45(2, tolerance, tolerance, 1_000_000);
            var y = new[] { 1.0, 0.0 };
            Assert.True(integrator.Integrate((x, dx) => { dx[0] = x[1]; dx[1] = -omega * omega * x[0]; }, y, duration));
            error = Math.Max(Math.Abs(y[0] - 1), Math.Abs(y[1]) / omega);
            return integrator.AcceptedSteps;
        }
        int loose = Steps(1e-5, out double looseError);
        int tight = Steps(1e-10, out double tightError);
        Assert.True(looseError < 1e-3, $"error {looseError:E3} at tolerance 1e-5");
        Assert.True(tightError < 1e-8, $"error {tightError:E3} at tolerance 1e-10");
        // Fifth order: 10⁵ times tighter needs about 10^(5/5) = 10 times the steps.
        Assert.InRange(tight / (double)loose, 5, 20);
    }

    [Fact]
    public void ADivergingSolutionBecomesNaNInsteadOfLooping()
    {
        // y' = y² from 1 blows up at t = 1.
        var integrator = new DormandPrince45(1, 1e-8, 1e-8, 10_000);
        var y = new[] { 1.0 };
        Assert.False(integrator.Integrate((x, dx) => dx[0] = x[0] * x[0], y, 2.0));
        Assert.True(double.IsNaN(y[0]));
    }
}
