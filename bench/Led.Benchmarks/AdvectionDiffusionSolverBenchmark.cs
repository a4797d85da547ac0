using System.Globalization;
using System.Text;
using Led.Systems.AdvectionDiffusion;

namespace Led.Benchmarks;

/// <summary>
/// <c>ad-solver</c>: one coarse step (Δt = 1, 100 micro steps) of the advection–diffusion particle system, 1000 and
/// 10 000 particles, against a numpy port of the reference's stepping (<c>bench/ad_numpy.py</c>, run with
/// <c>/usr/bin/python3</c>) measured in the same run.
/// </summary>
public sealed class AdvectionDiffusionSolverBenchmark : IBenchmark
{
    public string Name => "ad-solver";

    public string Run(IReadOnlyList<string> args)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| particles | LED.NET, one coarse step (100 micro steps) | numpy port of the reference | speed-up |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (int n in new[] { 1000, 10_000 })
        {
            var system = new AdvectionDiffusionParticles(new AdvectionDiffusionParticlesOptions { Particles = n });
            using var sim = system.StartSimulation(1);
            double ours = BenchmarkTimer.SecondsPerIteration(k =>
            {
                for (int i = 0; i < k; i++) sim.Advance(1.0);
            }, iterations: n == 1000 ? 200 : 20);
            double numpy = Numpy(n, n == 1000 ? 20 : 4);
            text.AppendLine(c, $"| {n} | {ours * 1e3:F3} ms | {numpy * 1e3:F2} ms | {numpy / ours:F1}× |");
        }
        text.AppendLine();
        text.AppendLine("LED.NET: counter-based SplitMix64 streams and a ziggurat (one hash and two table reads per normal on the fast " +
                        "path), drift and reflection vectorised; one thread. numpy: `default_rng` (PCG64) normals, reflection repeated until " +
                        "every coordinate is inside.");
        return text.ToString();
    }

    /// <summary>Seconds per coarse step of the numpy port (median of its repetitions).</summary>
    private static double Numpy(int particles, int coarseSteps) =>
        PythonPeer.Run("ad_numpy.py", particles.ToString(CultureInfo.InvariantCulture), coarseSteps.ToString(CultureInfo.InvariantCulture))
            ?["seconds_per_coarse_step"]!.GetValue<double>() ?? throw new InvalidOperationException("bench/ad_numpy.py: numpy is missing");
}
