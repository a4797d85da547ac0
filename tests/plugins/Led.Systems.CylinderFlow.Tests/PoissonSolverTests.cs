namespace Led.Systems.CylinderFlow.Tests;

public class PoissonSolverTests
{
    [Theory]
    [InlineData(64, 32, false, 1)]
    [InlineData(64, 32, false, 2)]
    [InlineData(256, 128, false, 2)]
    [InlineData(64, 32, true, 1)]
    [InlineData(256, 128, true, 2)]
    [InlineData(8, 8, true, 2)]
    public void The_residual_of_a_random_right_hand_side_is_below_1e10(int nx, int ny, bool dirichletY, int workers)
    {
        double h = 10.0 / ny;
        var rng = new Random(nx + ny);
        var f = Enumerable.Range(0, nx * ny).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        if (!dirichletY)
        {
            // The all-Neumann problem is solvable for zero-mean data only.
            double mean = f.Average();
            for (int c = 0; c < f.Length; c++) f[c] -= mean;
        }
        var phi = (double[])f.Clone();
        var solver = new PoissonSolver(nx, ny, h, dirichletY, workers);
        solver.Solve(phi);
        var lap = new double[f.Length];
        solver.ApplyLaplacian(phi, lap, h);
        double residual = f.Zip(lap, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(residual < 1e-10, $"max residual {residual:E2}");
        if (!dirichletY) Assert.True(Math.Abs(phi.Average()) < 1e-12, "the Neumann solution has zero mean");
    }
}
