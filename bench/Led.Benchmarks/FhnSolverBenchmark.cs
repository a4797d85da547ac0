using System.Globalization;
using System.Text;
using Led.Systems.FitzHughNagumo;

namespace Led.Benchmarks;

/// <summary>
/// <c>fhn-solver</c>: speed of the FitzHugh–Nagumo D1Q3 lattice-Boltzmann solver (101 nodes × 2 species) on the limit
/// cycle, against the Python reference's ≈ 94 µs per LB step (reference-spec §1; numpy, same machine class).
/// </summary>
public sealed class FhnSolverBenchmark : IBenchmark
{
    /// <summary>Python reference, µs per LB step (both species).</summary>
    private const double ReferenceMicrosecondsPerStep = 94.0;

    public string Name => "fhn-solver";

    public string Run(IReadOnlyList<string> args)
    {
        var options = new FitzHughNagumoOptions();
        var system = new FitzHughNagumo(options);

        var setup = System.Diagnostics.Stopwatch.StartNew();
        double period = system.LimitCyclePeriod; // spin-up from the generated front + period measurement
        double setupSeconds = setup.Elapsed.TotalSeconds;
        double[] cycleState = system.GenerateCycleSnapshots(1, 0.25)[0];

        double simd = StepSeconds(new LatticeBoltzmannD1Q3(options), cycleState);
        double scalar = StepSeconds(new LatticeBoltzmannD1Q3(options, reaction: true, vectorized: false), cycleState);

        using FitzHughNagumoSimulation sim = system.LiftSimulation(cycleState, 0.0);
        double coarse = BenchmarkTimer.SecondsPerIteration(n =>
        {
            for (int i = 0; i < n; i++) sim.Advance(options.CoarseStep);
        }, iterations: 1_000);

        // One reference short run (§1.4): 400,200 steps from the cycle state, observing the 2001 stored samples.
        var state = new double[2 * options.Nodes];
        double shortRun = BenchmarkTimer.SecondsPerIteration(n =>
        {
            for (int i = 0; i < n; i++)
            {
                using FitzHughNagumoSimulation run = system.LiftSimulation(cycleState, 0.0);
                run.Advance(options.MicroStep);
                run.Observe(state);
                for (int sample = 1; sample < 2001; sample++)
                {
                    run.Advance(options.CoarseStep);
                    run.Observe(state);
                }
            }
        }, iterations: 1, repetitions: 5);

        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("| measurement | value | vs Python reference (94 µs/step) |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(c, $"| LB step, SIMD kernel ({System.Numerics.Vector<double>.Count} doubles/vector), 101 nodes × 2 species | {simd * 1e6:F3} µs | {ReferenceMicrosecondsPerStep / (simd * 1e6):F0}× faster |");
        text.AppendLine(c, $"| LB step, scalar kernel | {scalar * 1e6:F3} µs | {ReferenceMicrosecondsPerStep / (scalar * 1e6):F0}× faster |");
        text.AppendLine(c, $"| coarse step Δt = {options.CoarseStep} ({options.MicroStepsPerCoarseStep} LB steps) | {coarse * 1e6:F1} µs | {ReferenceMicrosecondsPerStep * options.MicroStepsPerCoarseStep / (coarse * 1e6):F0}× faster |");
        text.AppendLine(c, $"| reference short run: 400,200 LB steps, 2001 stored samples | {shortRun * 1e3:F0} ms | Python ≈ {ReferenceMicrosecondsPerStep * 400_200 / 1e6:F0} s |");
        text.AppendLine(c, $"| limit cycle from the generated front: spin-up {options.SpinUpTime:F0} + period fit {options.PeriodEstimationTime:F0} time units (once per system) | {setupSeconds * 1e3:F0} ms | |");
        text.AppendLine();
        text.AppendLine(c, $"Measured limit-cycle period: {period:F4} time units. Times are medians of 7 repetitions after a warm-up (short run: 5), one thread, no allocation per step.");
        if (File.Exists("/proc/loadavg"))
            text.AppendLine(c, $"Load average when the run ended (other work on the machine inflates the times): {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        return text.ToString();
    }

    private static double StepSeconds(LatticeBoltzmannD1Q3 solver, double[] state)
    {
        solver.SetEquilibrium(state);
        return BenchmarkTimer.SecondsPerIteration(n => solver.Step(n), iterations: 200_000);
    }
}
