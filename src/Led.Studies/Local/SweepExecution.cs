using System.Diagnostics;
using Led.Core.Runs;

namespace Led.Studies.Local;

/// <summary>
/// The kinds of work of a study, each a separate <c>led</c> command started by <paramref name="launcher"/>: simulating a
/// shared dataset, training a shared autoencoder, and one run. Each is done under a lock of the study's <c>locks/</c>
/// (<see cref="LockFile"/>), so that runners working on one study at once (several <c>led sweep run</c>, Slurm tasks)
/// split the work: a run locked by a live process is skipped, a shared stage being made by one is waited for. A lock
/// left by a runner that no longer runs is taken over, with a line to <paramref name="note"/>.
/// </summary>
public sealed class SweepExecution(SweepSession session, ILedLauncher launcher, Action<string>? note = null, TimeSpan? poll = null)
{
    private readonly TimeSpan _poll = poll ?? TimeSpan.FromSeconds(1);

    /// <summary>
    /// Simulates a shared dataset unless its file exists (<c>led simulate</c> writes it atomically); while another process
    /// simulates it, waits for it. Returns null on success, else the error.
    /// </summary>
    public Task<string?> SimulateAsync(SharedDataset dataset)
    {
        string target = session.Study.DatasetFile(dataset.Key);
        return Exclusively(session.Study.DatasetLock(dataset.Key), $"shared dataset {dataset.Key}", () => File.Exists(target), async () =>
        {
            string log = Path.Combine(session.Study.Root, "logs", $"data-{dataset.Key}.log");
            var (code, errors) = await launcher.RunAsync(["simulate", session.Study.DatasetConfigFile(dataset.Key), "--out", target], log);
            if (code == 0 && File.Exists(target)) return null;
            return $"shared dataset {dataset.Key} could not be simulated (exit code {code}): {(errors.Length > 0 ? errors : "no error printed")}; log: {log}";
        });
    }

    /// <summary>
    /// Trains a shared autoencoder (<c>led train --autoencoder-only</c>) unless it exists, first simulating its dataset if
    /// missing; while another process trains it, waits for it. Returns null on success, else the error.
    /// </summary>
    public async Task<string?> PretrainAsync(SharedAutoencoder autoencoder)
    {
        var study = session.Study;
        if (study.HasAutoencoder(autoencoder.Key)) return null;
        if (session.DatasetOf(autoencoder.Runs[0]) is { } dataset && await SimulateAsync(dataset) is { } dataError) return dataError;
        return await Exclusively(study.AutoencoderLock(autoencoder.Key), $"shared autoencoder {autoencoder.Key}", () => study.HasAutoencoder(autoencoder.Key), async () =>
        {
            string log = Path.Combine(study.Root, "logs", $"autoencoder-{autoencoder.Key}.log");
            string target = study.AutoencoderDirectory(autoencoder.Key);
            var (code, errors) = await launcher.RunAsync(["train", study.AutoencoderConfigFile(autoencoder.Key), "--autoencoder-only", "--out", target], log);
            if (code == 0 && study.HasAutoencoder(autoencoder.Key)) return null;
            return $"shared autoencoder {autoencoder.Key} could not be trained (exit code {code}): {(errors.Length > 0 ? errors : "no error printed")}; log: {log}";
        });
    }

    /// <summary>
    /// Runs <c>led run configs/ID.json --out STUDY/ID --resume</c> (an interrupted attempt continues from its training
    /// checkpoints) under the run's lock, first simulating its shared dataset and
    /// training its shared autoencoder if missing. A run locked by another live runner, one whose folder a live
    /// <c>led run</c> still writes (left by a runner that was killed), and one that another runner finished meanwhile are
    /// skipped: <c>Skipped</c> says why. A failure is recorded in <c>logs/ID.error</c> (an interruption too, marked so that
    /// the next <c>led sweep run</c> retries it).
    /// </summary>
    /// <param name="started">Told when the run is not skipped, just before it starts.</param>
    public async Task<(RunStatus Status, double Seconds, string? Skipped)> RunAsync(SweepRun run, Func<bool> interrupted, bool retryFailed = false,
        Action? started = null)
    {
        var study = session.Study;
        var clock = Stopwatch.StartNew();
        using var held = LockFile.TryAcquire(study.RunLock(run.Id), out var holder, TookOver(run.ToString()));
        if (held is null)
            return (study.Status(run.Id), 0, $"it is being run by {Describe(holder)}" +
                                             (holder is { } other && other.Host != Environment.MachineName ? $" (if that host is down, remove {study.RunLock(run.Id)})" : ""));
        if (study.LiveWriter(run.Id) is { } writer) return (study.Status(run.Id), 0, $"its folder is being written by {writer}");
        var before = study.Status(run.Id);
        if (!RunsToDo.Includes(before.State, retryFailed)) return (before, 0, $"it is {before.StateName} already");
        started?.Invoke();
        study.Reset(run.Id);
        string? error = null;
        if (session.DatasetOf(run.Index) is { } dataset) error = await SimulateAsync(dataset);
        if (error is null && session.AutoencoderOf(run.Index) is { } autoencoder) error = await PretrainAsync(autoencoder);
        if (error is null)
        {
            var (code, errors) = await launcher.RunAsync(["run", study.ConfigFile(run.Id), "--out", study.RunDirectory(run.Id), "--resume"], study.LogFile(run.Id));
            var status = study.Status(run.Id);
            if (code == 0 && status.State == RunState.Completed) return (status, clock.Elapsed.TotalSeconds, null);
            error = interrupted() || errors == "interrupted"
                ? "interrupted (run `led sweep run` again to continue)"
                : $"exit code {code}: {(errors.Length > 0 ? errors : code == 0 ? "no metrics.json was published" : "no error printed")}; log: {study.LogFile(run.Id)}";
        }
        study.RecordFailure(run.Id, error);
        return (study.Status(run.Id), clock.Elapsed.TotalSeconds, null);
    }

    /// <summary>Whether another live process holds run <paramref name="run"/>: its lock, or its incomplete folder.</summary>
    public bool IsHeldElsewhere(SweepRun run) =>
        LockFile.LiveHolder(session.Study.RunLock(run.Id)) is { } holder && holder != LockOwner.Current || session.Study.LiveWriter(run.Id) is not null;

    /// <summary>
    /// Makes a shared stage unless <paramref name="done"/>: under its lock, or, while another live process holds it, by
    /// waiting until that one ends (and then again checking whether it is done).
    /// </summary>
    private async Task<string?> Exclusively(string lockPath, string what, Func<bool> done, Func<Task<string?>> make)
    {
        bool announced = false;
        while (!done())
        {
            using (var held = LockFile.TryAcquire(lockPath, out var holder, TookOver(what)))
            {
                if (held is not null) return done() ? null : await make();
                if (!announced) note?.Invoke($"waiting for {what}, being made by {Describe(holder)} (lock {lockPath})");
                announced = true;
            }
            await Task.Delay(_poll);
        }
        return null;
    }

    private Action<LockOwner> TookOver(string what) =>
        stale => note?.Invoke($"{what}: took over the lock of {stale}, which no longer runs");

    private static string Describe(LockOwner? holder) => holder?.ToString() ?? "another process (its lock is being written)";
}
