using System.Diagnostics;

namespace Led.Benchmarks;

/// <summary>Times an action: warm-up, then the median of several repetitions of a fixed number of iterations.</summary>
public static class BenchmarkTimer
{
    /// <summary>Median seconds per iteration.</summary>
    public static double SecondsPerIteration(Action<int> runIterations, int iterations, int repetitions = 7)
    {
        runIterations(Math.Max(1, iterations / 10));
        var samples = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            var sw = Stopwatch.StartNew();
            runIterations(iterations);
            samples[r] = sw.Elapsed.TotalSeconds / iterations;
        }
        Array.Sort(samples);
        return samples[repetitions / 2];
    }
}
