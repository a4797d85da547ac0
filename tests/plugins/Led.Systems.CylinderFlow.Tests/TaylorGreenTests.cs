using Xunit.Abstractions;

namespace Led.Systems.CylinderFlow.Tests;

/// <summary>The decaying Taylor–Green vortex u = sin x cos y, v = −cos x sin y in the free-slip box [0, π]².</summary>
public class TaylorGreenTests(ITestOutputHelper output)
{
    private const double Nu = 0.5;
    private const double Duration = 0.25;

    private static MacFlowSolver Solver(int n, double dt) => new(new FlowSetup(
        n, n, Math.PI / n, Nu, dt, StreamwiseBoundary.FreeSlipWalls, LateralBoundary.FreeSlip, Workers: 2));

    /// <summary>Max-norm error of u and v against the exact solution after <see cref="Duration"/>.</summary>
    private static (double Error, double Divergence, double PressureError) Run(int n)
    {
        double h = Math.PI / n;
        long steps = (long)Math.Ceiling(Duration / FlowSetup.StableTimeStep(h, Nu, 1.0));
        double dt = Duration / steps;
        var solver = Solver(n, dt);
        solver.Initialize((x, y) => Math.Sin(x) * Math.Cos(y), (x, y) => -Math.Cos(x) * Math.Sin(y));
        double divergence = solver.MaxDivergence();
        for (long s = 0; s < steps; s++)
        {
            solver.Step();
            divergence = Math.Max(divergence, solver.MaxDivergence());
        }
        double decay = Math.Exp(-2 * Nu * Duration);
        var u = new double[(n + 1) * n];
        var v = new double[n * (n + 1)];
        solver.CopyU(u);
        solver.CopyV(v);
        double error = 0;
        for (int j = 0; j < n; j++)
            for (int i = 0; i <= n; i++)
                error = Math.Max(error, Math.Abs(u[j * (n + 1) + i] - decay * Math.Sin(i * h) * Math.Cos((j + 0.5) * h)));
        for (int j = 0; j <= n; j++)
            for (int i = 0; i < n; i++)
                error = Math.Max(error, Math.Abs(v[j * n + i] + decay * Math.Cos((i + 0.5) * h) * Math.Sin(j * h)));
        // The pressure is defined up to a constant (Neumann): compare after removing the means.
        var p = solver.Pressure;
        double meanP = 0, meanExact = 0;
        var exact = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double x = (i + 0.5) * h, y = (j + 0.5) * h;
                exact[j * n + i] = 0.25 * (Math.Cos(2 * x) + Math.Cos(2 * y)) * decay * decay;
                meanExact += exact[j * n + i] / (n * n);
                meanP += p[j * n + i] / (n * n);
            }
        double pressureError = 0;
        for (int c = 0; c < n * n; c++) pressureError = Math.Max(pressureError, Math.Abs(p[c] - meanP - exact[c] + meanExact));
        return (error, divergence, pressureError);
    }

    [Fact]
    public void The_error_falls_about_fourfold_per_grid_doubling_and_the_field_stays_solenoidal()
    {
        var results = new[] { 32, 64, 128 }.Select(n => (N: n, Result: Run(n))).ToArray();
        foreach (var (n, r) in results)
            output.WriteLine($"N = {n}: max error {r.Error:E3}, max |div u| {r.Divergence:E2}, pressure error {r.PressureError:E3}");
        for (int k = 1; k < results.Length; k++)
        {
            double ratio = results[k - 1].Result.Error / results[k].Result.Error;
            output.WriteLine($"ratio {results[k - 1].N}→{results[k].N}: {ratio:F2}");
            Assert.InRange(ratio, 3.4, 4.6);
        }
        Assert.True(results[^1].Result.Error < 2e-4, $"error at N = 128 is {results[^1].Result.Error:E3}");
        foreach (var (_, r) in results) Assert.True(r.Divergence < 1e-10, $"max |div u| = {r.Divergence:E2}");
        Assert.True(results[^1].Result.PressureError < 5e-3, $"pressure error at N = 128 is {results[^1].Result.PressureError:E3}");
    }
}
