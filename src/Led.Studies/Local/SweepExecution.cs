using System.Diagnostics;

namespace Led.Studies.Local;

/// <summary>
/// The kinds of work of a study, each a separate <c>led</c> command started by <paramref name="launcher"/>: simulating a
/// shared dataset, training a shared autoencoder, and one run.
/// </summary>
public sealed class SweepExecution(SweepSession session, ILedLauncher launcher)
{
    /// <summary>
    /// Simulates a shared dataset unless its file exists (<c>led simulate</c> writes it atomically, so concurrent
    /// attempts are harmless); returns null on success, else the error.
    /// </summary>
    public async Task<string?> SimulateAsync(SharedDataset dataset)
    {
        string target = session.Study.DatasetFile(dataset.Key);
        if (File.Exists(target)) return null;
        string log = Path.Combine(session.Study.Root, "logs", $"data-{dataset.Key}.log");
        var (code, errors) = await launcher.RunAsync(["simulate", session.Study.DatasetConfigFile(dataset.Key), "--out", target], log);
        if (code == 0 && File.Exists(target)) return null;
        return $"shared dataset {dataset.Key} could not be simulated (exit code {code}): {(errors.Length > 0 ? errors : "no error printed")}; log: {log}";
    }

    /// <summary>
    /// Trains a shared autoencoder (<c>led train --autoencoder-only</c>) unless it exists, first simulating its dataset if
    /// missing; the run folder is published atomically, so concurrent attempts are harmless. Returns null on success, else the error.
    /// </summary>
    public async Task<string?> PretrainAsync(SharedAutoencoder autoencoder)
    {
        var study = session.Study;
        if (study.HasAutoencoder(autoencoder.Key)) return null;
        if (session.DatasetOf(autoencoder.Runs[0]) is { } dataset && await SimulateAsync(dataset) is { } dataError) return dataError;
        string log = Path.Combine(study.Root, "logs", $"autoencoder-{autoencoder.Key}.log");
        string target = study.AutoencoderDirectory(autoencoder.Key);
        var (code, errors) = await launcher.RunAsync(["train", study.AutoencoderConfigFile(autoencoder.Key), "--autoencoder-only", "--out", target], log);
        if (code == 0 && study.HasAutoencoder(autoencoder.Key)) return null;
        return $"shared autoencoder {autoencoder.Key} could not be trained (exit code {code}): {(errors.Length > 0 ? errors : "no error printed")}; log: {log}";
    }

    /// <summary>
    /// Runs <c>led run configs/ID.json --out STUDY/ID</c>, first simulating its shared dataset and training its shared
    /// autoencoder if missing. A failure is recorded in <c>logs/ID.error</c> (an interruption too, marked so that the
    /// next <c>led sweep run</c> retries it).
    /// </summary>
    public async Task<(RunStatus Status, double Seconds)> RunAsync(SweepRun run, Func<bool> interrupted)
    {
        var study = session.Study;
        var clock = Stopwatch.StartNew();
        study.Reset(run.Id);
        string? error = null;
        if (session.DatasetOf(run.Index) is { } dataset) error = await SimulateAsync(dataset);
        if (error is null && session.AutoencoderOf(run.Index) is { } autoencoder) error = await PretrainAsync(autoencoder);
        if (error is null)
        {
            var (code, errors) = await launcher.RunAsync(["run", study.ConfigFile(run.Id), "--out", study.RunDirectory(run.Id)], study.LogFile(run.Id));
            var status = study.Status(run.Id);
            if (code == 0 && status.State == RunState.Completed) return (status, clock.Elapsed.TotalSeconds);
            error = interrupted() || errors == "interrupted"
                ? "interrupted (run `led sweep run` again to continue)"
                : $"exit code {code}: {(errors.Length > 0 ? errors : code == 0 ? "no metrics.json was published" : "no error printed")}; log: {study.LogFile(run.Id)}";
        }
        study.RecordFailure(run.Id, error);
        return (study.Status(run.Id), clock.Elapsed.TotalSeconds);
    }
}
