using Led.Studies.Slurm;

namespace Led.Studies.Local;

/// <summary>
/// A study run on this machine (<c>led sweep run</c>, <c>run-one</c>, <c>prepare</c>), each piece of work a <c>led</c>
/// command started by the launcher. Resumable: completed runs are skipped, interrupted ones rerun, failed ones only when
/// retried.
/// </summary>
/// <param name="lockPoll">How often a shared stage that another process makes is checked (default 1 s).</param>
public sealed class LocalStudy(SweepSession session, ILedLauncher launcher, TextWriter output, TextWriter error, TimeSpan? lockPoll = null)
{
    /// <summary>
    /// Runs every run still to do with <paramref name="jobs"/> at a time (default: cores / the config's threads), leaving
    /// <paramref name="leftToSlurm"/> alone; after cancellation no new run starts. True when every run is completed.
    /// </summary>
    public async Task<bool> RunAsync(int? jobs, bool retryFailed, IReadOnlySet<int> leftToSlurm, CancellationToken cancel)
    {
        var study = session.Study;
        var states = session.Plan.Runs.ToDictionary(r => r.Index, r => study.Status(r.Id).State);
        if (leftToSlurm.Count > 0)
            output.WriteLine($"sweep: runs {SlurmScripts.ArrayRange(leftToSlurm)} are queued or running on Slurm; they are left to it");
        var todo = RunsToDo.Select(session.Plan.Runs, r => states[r.Index], leftToSlurm, retryFailed);
        int completed = states.Values.Count(s => s == RunState.Completed);
        int skippedFailed = retryFailed ? 0 : states.Values.Count(s => s == RunState.Failed);
        int workers = Math.Max(1, Math.Min(jobs ?? Math.Max(1, Environment.ProcessorCount / session.Threads), Math.Max(1, todo.Count)));
        output.WriteLine($"sweep: {session.Plan.Runs.Count} runs in {study.Root}: {completed} completed earlier, " +
                         (skippedFailed > 0 ? $"{skippedFailed} failed earlier (not retried without --retry-failed), " : "") +
                         $"{todo.Count} to run with {workers} worker{(workers == 1 ? "" : "s")} (logs in {Path.Combine(study.Root, "logs")})");
        await new LocalSweepRunner(session, launcher, output, lockPoll).RunAsync(todo, workers, completed, cancel, retryFailed);
        return Summarise();
    }

    /// <summary>Runs run <paramref name="index"/> unless it is completed (what each Slurm array task does). True when it is completed.</summary>
    public async Task<bool> RunOneAsync(int index)
    {
        var run = session.Plan.Runs[index];
        if (session.Study.Status(run.Id).State == RunState.Completed)
        {
            output.WriteLine($"{run} is already completed: {session.Study.RunDirectory(run.Id)}");
            return true;
        }
        output.WriteLine($"started {run} into {session.Study.RunDirectory(run.Id)}");
        var (status, seconds, skipped) = await new SweepExecution(session, launcher, output.WriteLine, lockPoll).RunAsync(run, () => false, retryFailed: true);
        if (skipped is not null)
        {
            // Another runner holds it: not a failure of this one.
            output.WriteLine($"skipped {run}: {skipped}");
            return true;
        }
        if (status.State == RunState.Completed)
        {
            output.WriteLine($"completed {run} in {seconds:F1} s");
            return true;
        }
        error.WriteLine($"error: {run} {status.StateName}: {status.Error}");
        return false;
    }

    /// <summary>Simulates every shared dataset and trains every shared autoencoder not made yet. True when all exist.</summary>
    public async Task<bool> PrepareAsync()
    {
        var execution = new SweepExecution(session, launcher, output.WriteLine, lockPoll);
        var study = session.Study;
        int failed = 0;
        foreach (var dataset in session.Datasets)
        {
            bool existed = File.Exists(study.DatasetFile(dataset.Key));
            if (await execution.SimulateAsync(dataset) is { } problem)
            {
                error.WriteLine($"error: {problem}");
                failed++;
            }
            else
                output.WriteLine($"shared dataset {dataset.Key} {(existed ? "exists" : "simulated")}: {study.DatasetFile(dataset.Key)}");
        }
        foreach (var autoencoder in session.Autoencoders)
        {
            bool existed = study.HasAutoencoder(autoencoder.Key);
            if (await execution.PretrainAsync(autoencoder) is { } problem)
            {
                error.WriteLine($"error: {problem}");
                failed++;
            }
            else
                output.WriteLine($"shared autoencoder {autoencoder.Key} {(existed ? "exists" : "trained")}: {study.AutoencoderDirectory(autoencoder.Key)}");
        }
        return failed == 0;
    }

    /// <summary>Prints the final tally of a local run; true when every run is completed.</summary>
    private bool Summarise()
    {
        var statuses = session.Plan.Runs.Select(r => (Run: r, Status: session.Study.Status(r.Id))).ToList();
        output.WriteLine($"sweep: {StateCounts.Describe(statuses.Select(s => s.Status.StateName))} in {session.Study.Root}; " +
                         $"`led report {session.Study.Root}` writes the table and plots");
        foreach (var (run, status) in statuses.Where(s => s.Status.State != RunState.Completed))
            output.WriteLine($"  {status.StateName} {run}{(status.Error is null ? "" : $": {status.Error}")}");
        return statuses.All(s => s.Status.State == RunState.Completed);
    }
}
