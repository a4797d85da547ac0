using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Progress;

namespace Led.Core.Data;

/// <summary>
/// Generates a dataset by running the system: every trajectory (train, validation, test) is a separate run from its
/// own seeded random initial condition (a given initial state replaces the first training run's), advanced through
/// the transient and then sampled every coarse Δt. Runs execute in parallel; the result is identical for a seed
/// whatever the number of cores.
/// </summary>
public sealed class DataGenerator(IDynamicalSystem system, string systemName, DataOptions options, int testLength, int seed)
{
    /// <summary>Initial state of the first training trajectory instead of a random one.</summary>
    public double[]? InitialState { get; init; }

    public LedDataset Generate(IProgressReporter progress, CancellationToken cancel = default)
    {
        var d = system.Description;
        var runs = new List<(TrajectorySet Set, int Index, ulong Seed)>();
        var train = new TrajectorySet(options.TrainTrajectories, options.TrainSamples, d.Shape);
        var validation = new TrajectorySet(options.ValidationTrajectories, options.ValidationSamples, d.Shape);
        var test = new TrajectorySet(options.TestInitialConditions, testLength, d.Shape);
        foreach (var (set, split) in new[] { (train, 1UL), (validation, 2UL), (test, 3UL) })
            for (int i = 0; i < set.Count; i++) runs.Add((set, i, DeriveSeed((ulong)seed, split, (ulong)i)));

        long total = runs.Sum(r => (long)r.Set.Length), done = 0;
        var series = new System.Collections.Concurrent.ConcurrentDictionary<(TrajectorySet Set, int Index), (IReadOnlyList<string> Names, double[] Values)>();
        using var task = progress.Start($"simulating {runs.Count} trajectories", total);
        try
        {
            Parallel.ForEach(runs, new ParallelOptions { CancellationToken = cancel }, run => Simulate(run));
        }
        catch (AggregateException ex)
        {
            // The first failed trajectory's error, not the wrapper, is the message.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        void Simulate((TrajectorySet Set, int Index, ulong Seed) run)
        {
            using var sim = run.Set == train && run.Index == 0 && InitialState is not null
                ? system.Lift(InitialState, 0) : system.Start(run.Seed);
            var observed = sim as IScalarSeries;
            var values = observed is null ? null : new double[run.Set.Length * observed.SeriesNames.Count];
            sim.Advance(options.Transient);
            for (int t = 0; t < run.Set.Length; t++)
            {
                cancel.ThrowIfCancellationRequested();
                if (t > 0) sim.Advance(d.CoarseTimeStep);
                var frame = run.Set.Frame(run.Index, t);
                sim.Observe(frame);
                if (FiniteValues.First(frame) >= 0)
                    throw new InvalidDataException($"the simulation diverged: non-finite state in the {SplitName(run.Set, train, validation)} split, trajectory " +
                                                   $"{run.Index}, time step {t} (t = {sim.Time:G6}): reduce the micro time step");
                observed?.ObserveSeries(values.AsSpan(t * observed.SeriesNames.Count, observed.SeriesNames.Count));
                if ((t & 63) == 63) task.Report(Interlocked.Add(ref done, 64));
            }
            if (observed is not null) series[(run.Set, run.Index)] = (observed.SeriesNames, values!);
            Interlocked.Add(ref done, run.Set.Length % 64);
        }
        task.Report(total);
        return new LedDataset(systemName, d, train, validation, test, MinMaxScaler.Fit(d.Observable, train, validation))
        {
            Series = series.IsEmpty ? null : new Dictionary<string, ScalarSeriesSet>
            {
                ["train"] = Collect(series, train),
                ["validation"] = Collect(series, validation),
                ["test"] = Collect(series, test),
            },
            Metadata = system as IDatasetMetadata,
        };
    }

    private static string SplitName(TrajectorySet set, TrajectorySet train, TrajectorySet validation) =>
        set == train ? "train" : set == validation ? "validation" : "test";

    /// <summary>The series of one split, <c>[series, trajectory, time]</c>; NaN for a run that offered none.</summary>
    private static ScalarSeriesSet Collect(IReadOnlyDictionary<(TrajectorySet Set, int Index), (IReadOnlyList<string> Names, double[] Values)> series, TrajectorySet set)
    {
        var names = series.Values.First().Names;
        var result = new ScalarSeriesSet(names, set.Count, set.Length);
        Array.Fill(result.Values, double.NaN);
        for (int i = 0; i < set.Count; i++)
        {
            if (!series.TryGetValue((set, i), out var run) || !run.Names.SequenceEqual(names)) continue;
            for (int t = 0; t < set.Length; t++)
                for (int k = 0; k < names.Count; k++)
                    result.Series(k)[i * set.Length + t] = run.Values[t * names.Count + k];
        }
        return result;
    }

    /// <summary>A well-mixed seed for one run (SplitMix64 finaliser of seed, split and index).</summary>
    public static ulong DeriveSeed(ulong seed, ulong split, ulong index)
    {
        ulong z = seed * 0x9E3779B97F4A7C15UL + split * 0xBF58476D1CE4E5B9UL + index * 0x94D049BB133111EBUL + 0x2545F4914F6CDD1DUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
