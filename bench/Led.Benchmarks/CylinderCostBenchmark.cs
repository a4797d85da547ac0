using System.Globalization;
using System.Text;
using Led.Systems.CylinderFlow;

namespace Led.Benchmarks;

/// <summary>
/// <c>cylinder-cost</c>: cost of the cylinder-flow solver per micro step at each grid (2 threads, and 1 with
/// <c>--threads=1,2</c>): ms per step, µs per cell per step, the Poisson solve's share, and the wall time to simulate
/// T = 200 D/U at Re 100 and Re 1000 (steps from the Δt rule × measured time per step). Options: <c>--steps=200</c>.
/// </summary>
public sealed class CylinderCostBenchmark : IBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "cylinder-cost";

    public string Run(IReadOnlyList<string> args)
    {
        int steps = int.Parse(BenchmarkArguments.Option(args, "steps") ?? "200", C);
        int[] threads = (BenchmarkArguments.Option(args, "threads") ?? "2").Split(',').Select(s => int.Parse(s, C)).ToArray();
        (string Geometry, int Nx, int Ny)[] grids =
        [
            (CylinderGeometry.LedLike, 128, 64), (CylinderGeometry.LedLike, 256, 128), (CylinderGeometry.LedLike, 512, 256),
            (CylinderGeometry.Validation, 512, 256), (CylinderGeometry.Validation, 1024, 512), (CylinderGeometry.SchaferTurek, 1024, 128),
        ];
        var text = new StringBuilder();
        text.AppendLine(string.Create(C, $"Median of 5 repetitions of {steps} micro steps (after a warm-up of {steps / 4}) from an impulsive start; the cost does not depend on the state."));
        text.AppendLine("T = 200 columns: micro steps from Δt = min(0.3·h/(2U_max), 0.08·h²/ν) (rounded to divide the 0.2 sampling interval) × ms/step, no I/O.");
        text.AppendLine();
        text.AppendLine("| geometry | grid | cells | D/h | threads | ms/step | µs/cell/step | Poisson share | steps T = 200 (Re 100 / 1000) | wall T = 200, Re 100 | wall T = 200, Re 1000 |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (geometry, nx, ny) in grids)
        {
            foreach (int t in threads)
            {
                var options = new CylinderFlowOptions { Geometry = geometry, Nx = nx, Ny = ny, Threads = t };
                var simulation = new CylinderFlow(options).Start(1);
                double perStep = BenchmarkTimer.SecondsPerIteration(n => simulation.Solver.Advance(n), steps, repetitions: 5);
                var poisson = new PoissonSolver(nx, ny, options.CellSize, dirichletY: false, workers: t);
                var data = new double[nx * ny];
                double perSolve = BenchmarkTimer.SecondsPerIteration(n => { for (int k = 0; k < n; k++) poisson.Solve(data); }, steps, repetitions: 5);
                long steps100 = 1000 * options.MicroStepsPerSample;
                long steps1000 = 1000 * new CylinderFlowOptions { Geometry = geometry, Nx = nx, Ny = ny, Reynolds = 1000 }.MicroStepsPerSample;
                int cells = nx * ny;
                string line = string.Create(C,
                    $"| {geometry} | {nx} × {ny} | {cells} | {1 / options.CellSize:F1} | {t} | {1e3 * perStep:F2} | {1e6 * perStep / cells:F3} | {100 * perSolve / perStep:F0} % | " +
                    $"{steps100} / {steps1000} | {Minutes(steps100 * perStep)} | {Minutes(steps1000 * perStep)} |");
                Console.Error.WriteLine(line);
                text.AppendLine(line);
            }
        }
        text.AppendLine();
        text.AppendLine("µs/cell/step is wall time per step divided by the cell count (not multiplied by the thread count). The machine is shared with other jobs (load ≈ 12 on 2 cores during these runs), so numbers vary by up to ~2× and 2 threads are often no faster than 1.");
        return text.ToString();
    }

    private static string Minutes(double seconds) => seconds < 120 ? string.Create(C, $"{seconds:F0} s") : string.Create(C, $"{seconds / 60:F1} min");
}
