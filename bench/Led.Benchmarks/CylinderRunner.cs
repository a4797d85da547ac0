using System.Diagnostics;
using Led.Systems.CylinderFlow;

namespace Led.Benchmarks;

/// <summary>Runs one cylinder-flow case from an impulsive start, recording C_d, C_l every micro step and the wake probe every 0.05 D/U.</summary>
internal static class CylinderRunner
{
    public static CylinderRunResult Run(CylinderFlowOptions options, double endTime, double transient, ulong seed = 1)
    {
        var system = new CylinderFlow(options);
        using var simulation = system.Start(seed);
        long steps = (long)Math.Round(endTime / simulation.TimeStep);
        int probeEvery = Math.Max(1, (int)Math.Round(0.05 / simulation.TimeStep));
        var times = new double[steps];
        var drag = new double[steps];
        var lift = new double[steps];
        var probeTimes = new List<double>();
        var probe = new List<double>();
        double maxDivergence = simulation.Solver.MaxDivergence();
        var watch = Stopwatch.StartNew();
        double stepSeconds = 0;
        for (long s = 0; s < steps; s++)
        {
            long start = Stopwatch.GetTimestamp();
            simulation.Step();
            stepSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            times[s] = simulation.Time;
            drag[s] = simulation.DragCoefficient;
            lift[s] = simulation.LiftCoefficient;
            if ((s + 1) % probeEvery == 0)
            {
                probeTimes.Add(simulation.Time);
                probe.Add(simulation.WakeProbe);
            }
            if ((s + 1) % 500 == 0) maxDivergence = Math.Max(maxDivergence, simulation.Solver.MaxDivergence());
            if ((s + 1) % 5000 == 0)
                Console.Error.WriteLine($"  t = {simulation.Time:F1}: C_d {drag[s]:F3}, C_l {lift[s]:F3}, {1e3 * stepSeconds / (s + 1):F2} ms/step");
            if (!double.IsFinite(drag[s])) throw new InvalidOperationException($"the run diverged at t = {simulation.Time}");
        }
        return new CylinderRunResult(options, times, drag, lift, [.. probeTimes], [.. probe], transient, maxDivergence,
            1e3 * stepSeconds / steps, watch.Elapsed.TotalSeconds);
    }
}
