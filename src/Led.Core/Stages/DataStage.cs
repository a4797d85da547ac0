using System.Diagnostics;
using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Data;

namespace Led.Core.Stages;

/// <summary>
/// The data stage: the experiment's dataset simulated with the system (and written to HDF5), or read from a file and
/// checked against the system; or one long trajectory for solver studies.
/// </summary>
public sealed class DataStage(IDynamicalSystem system, string systemName, StageContext context)
{
    /// <summary>Train, validation and test trajectories simulated from seeded initial conditions (the first from <paramref name="initialState"/> if given).</summary>
    public LedDataset Simulate(DataOptions options, int testLength, double[]? initialState = null)
    {
        var clock = Stopwatch.StartNew();
        var data = new DataGenerator(system, systemName, options, testLength, context.Seed) { InitialState = initialState }
            .Generate(context.Progress, context.Cancel);
        context.Log.Information("data: simulated in {Seconds:F1} s; scaler min [{Min}] max [{Max}]", clock.Elapsed.TotalSeconds,
            string.Join(", ", data.Scaler.Min.Select(v => v.ToString("G6"))), string.Join(", ", data.Scaler.Max.Select(v => v.ToString("G6"))));
        return data;
    }

    /// <summary>A dataset file; it must hold the observable this system produces.</summary>
    public LedDataset Read(string path)
    {
        var read = DatasetFile.Read(path);
        if (!string.Equals(read.SystemName, systemName, StringComparison.OrdinalIgnoreCase)) throw new InvalidDataException(DatasetSystemProblem(path, read.SystemName, systemName));
        var expected = system.Description;
        if (!read.Description.Shape.SequenceEqual(expected.Shape) || read.Description.Kind != expected.Kind)
            throw new InvalidDataException($"{path} holds {read.Description.Kind} states [{string.Join(", ", read.Description.Shape)}] but the system " +
                                           $"{systemName} produces {expected.Kind} states [{string.Join(", ", expected.Shape)}]: simulate the dataset again with this system");
        context.Log.Information("data: read {Path} ({Train} train, {Validation} validation, {Test} test trajectories)", path, read.Train.Count, read.Validation.Count, read.Test.Count);
        return read;
    }

    /// <summary>The message for a dataset simulated with another system than the configured one.</summary>
    public static string DatasetSystemProblem(string path, string datasetSystem, string configuredSystem) =>
        $"{path} was simulated with {datasetSystem}, but the config's system is {configuredSystem}: simulate the dataset with " +
        $"{configuredSystem} (`led simulate <config> --out PATH`), or set system.name to {datasetSystem}";

    /// <summary>
    /// One trajectory from <paramref name="initialState"/> (or a random state drawn with the seed): after
    /// <paramref name="transient"/>, <paramref name="samples"/> snapshots every <paramref name="interval"/> (the coarse Δt,
    /// or e.g. the micro step to compare solvers), written to HDF5 as <c>/trajectory</c> <c>[t, …observable shape]</c> with <c>/time</c>.
    /// </summary>
    public void SimulateTrajectory(string path, int samples, double? interval, double transient, double[]? initialState, string provenanceJson)
    {
        var d = system.Description;
        double dt = interval ?? d.CoarseTimeStep;
        var set = new TrajectorySet(1, samples, d.Shape);
        var time = new double[samples];
        using (var sim = initialState is null ? system.Start((ulong)context.Seed) : system.Lift(initialState, 0))
        using (var task = context.Progress.Start($"simulating {samples} samples every {dt:G4}", samples))
        {
            if (transient > 0) sim.Advance(transient);
            for (int t = 0; t < samples; t++)
            {
                context.Cancel.ThrowIfCancellationRequested();
                if (t > 0) sim.Advance(dt);
                sim.Observe(set.Frame(0, t));
                time[t] = sim.Time;
                if ((t & 255) == 255) task.Report(t + 1);
            }
            task.Report(samples);
        }
        if (set.Values.Any(v => !double.IsFinite(v)))
            throw new InvalidDataException("the simulation diverged (non-finite values): reduce the micro time step");
        var file = new PureHDF.H5File
        {
            ["trajectory"] = new PureHDF.H5Dataset(set.Values, fileDims: set.Shape.Skip(1).Select(x => (ulong)x).ToArray()),
            ["time"] = time,
        };
        file.Attributes["system"] = systemName;
        ObservableAttributes.Write(file.Attributes, d);
        file.Attributes["dt"] = dt;
        file.Attributes["provenance"] = provenanceJson;
        DatasetFile.WriteAtomically(path, p => file.Write(p));
        context.Log.Information("trajectory: {Samples} samples every {Dt:G4} from t = {Start:G6}", samples, dt, time[0]);
    }
}
