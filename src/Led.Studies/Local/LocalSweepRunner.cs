
namespace Led.Studies.Local;

/// <summary>
/// Runs a study's runs on this machine with a bounded pool of worker processes. One failed run does not stop the
/// others; after Ctrl-C no new run starts and those in flight stop (they are retried by the next <c>led sweep run</c>).
/// Other runners may work on the same study at once: runs they hold are skipped (<see cref="SweepExecution"/>) and
/// waited for at the end; those they leave undone (a runner that died) are run then.
/// </summary>
public sealed class LocalSweepRunner
{
    private readonly SweepSession session;
    private readonly TextWriter output;
    private readonly SweepExecution _execution;
    private readonly TimeSpan _poll;
    private readonly object _gate = new();
    private int _done, _running, _failed;

    /// <param name="lockPoll">How often a shared stage that another process makes is checked (default 1 s).</param>
    public LocalSweepRunner(SweepSession session, ILedLauncher launcher, TextWriter output, TimeSpan? lockPoll = null)
    {
        this.session = session;
        this.output = output;
        _poll = lockPoll ?? TimeSpan.FromSeconds(1);
        _execution = new SweepExecution(session, launcher, Line, _poll);
    }

    /// <summary>Runs <paramref name="runs"/> with at most <paramref name="jobs"/> at a time; returns how many failed.</summary>
    public async Task<int> RunAsync(IReadOnlyList<SweepRun> runs, int jobs, int completedBefore, CancellationToken cancel, bool retryFailed = false)
    {
        _done = completedBefore;
        var total = session.Plan.Runs.Count;

        // Shared datasets first (each once), so that the runs reading one do not all simulate it. Failures of shared stages by key.
        var needed = session.DatasetsToPrepare(runs);
        var failedData = new Dictionary<string, string>();
        await ForEach(needed, jobs, cancel, async dataset =>
        {
            Line($"simulating shared dataset {dataset.Key} for runs {string.Join(", ", dataset.Runs)}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (await _execution.SimulateAsync(dataset) is { } error)
            {
                lock (_gate) failedData[dataset.Key] = error;
                Line($"error: {error}");
            }
            else Line($"shared dataset {dataset.Key} ready ({clock.Elapsed.TotalSeconds:F1} s): {session.Study.DatasetFile(dataset.Key)}");
        });

        // Then the shared autoencoders of propagator studies (each trained once).
        var pretrain = session.AutoencodersToPrepare(runs).Where(a => !(session.DatasetOf(a.Runs[0]) is { } d && failedData.ContainsKey(d.Key))).ToList();
        await ForEach(pretrain, jobs, cancel, async autoencoder =>
        {
            Line($"training shared autoencoder {autoencoder.Key} for runs {string.Join(", ", autoencoder.Runs)}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (await _execution.PretrainAsync(autoencoder) is { } error)
            {
                lock (_gate) failedData[autoencoder.Key] = error;
                Line($"error: {error}");
            }
            else Line($"shared autoencoder {autoencoder.Key} ready ({clock.Elapsed.TotalSeconds:F1} s): {session.Study.AutoencoderDirectory(autoencoder.Key)}");
        });

        var heldElsewhere = new List<SweepRun>();
        async Task RunOne(SweepRun run)
        {
            string? sharedError = session.DatasetOf(run.Index) is { } dataset && failedData.TryGetValue(dataset.Key, out var dataError) ? dataError
                : session.AutoencoderOf(run.Index) is { } autoencoder && failedData.TryGetValue(autoencoder.Key, out var aeError) ? aeError : null;
            if (sharedError is not null)
            {
                session.Study.Reset(run.Id);
                session.Study.RecordFailure(run.Id, sharedError);
                lock (_gate) _failed++;
                Line($"{Progress(total)} failed {run}: {sharedError}");
                return;
            }
            lock (_gate) _running++;
            var (status, seconds, skipped) = await _execution.RunAsync(run, () => cancel.IsCancellationRequested, retryFailed,
                () => Line($"{Progress(total)} started {run}"));
            lock (_gate)
            {
                _running--;
                if (skipped is not null)
                {
                    if (status.State == RunState.Completed) _done++;
                    else if (_execution.IsHeldElsewhere(run)) heldElsewhere.Add(run);
                    output.WriteLine($"{Progress(total)} skipped {run}: {skipped}");
                    return;
                }
                if (status.State == RunState.Completed) _done++;
                else if (status.State == RunState.Failed) _failed++;
            }
            Line(status.State == RunState.Completed
                ? $"{Progress(total)} completed {run} in {seconds:F1} s"
                : $"{Progress(total)} {status.StateName} {run} after {seconds:F1} s: {status.Error}");
        }

        await ForEach(runs, jobs, cancel, RunOne);
        // The runs other processes held: wait until they let go, and run those they left undone (their runner died).
        if (heldElsewhere.Count > 0)
            Line($"waiting for {heldElsewhere.Count} run{(heldElsewhere.Count == 1 ? "" : "s")} that other processes run " +
                 $"({string.Join(", ", heldElsewhere.Select(r => r.Index).Order())}); their locks are in {Path.Combine(session.Study.Root, "locks")}");
        while (heldElsewhere.Count > 0 && !cancel.IsCancellationRequested)
        {
            List<SweepRun> released;
            lock (_gate)
            {
                released = heldElsewhere.Where(r => !_execution.IsHeldElsewhere(r)).ToList();
                heldElsewhere.RemoveAll(released.Contains);
            }
            if (released.Count == 0)
            {
                await Task.Delay(_poll, CancellationToken.None);
                continue;
            }
            foreach (var run in released.Where(r => session.Study.Status(r.Id).State == RunState.Completed)) lock (_gate) _done++;
            await ForEach(released.Where(r => session.Study.Status(r.Id).State != RunState.Completed).ToList(), jobs, cancel, RunOne);
        }
        return _failed;
    }

    private string Progress(int total)
    {
        lock (_gate) return $"[done {_done}/{total}, running {_running}, failed {_failed}]";
    }

    private void Line(string text)
    {
        lock (_gate) output.WriteLine(text);
    }

    /// <summary>At most <paramref name="jobs"/> at a time; after cancellation nothing new starts.</summary>
    private static async Task ForEach<T>(IEnumerable<T> items, int jobs, CancellationToken cancel, Func<T, Task> body)
    {
        using var slots = new SemaphoreSlim(jobs);
        var tasks = new List<Task>();
        foreach (var item in items)
        {
            await slots.WaitAsync();
            if (cancel.IsCancellationRequested)
            {
                slots.Release();
                break;
            }
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await body(item);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
    }
}
