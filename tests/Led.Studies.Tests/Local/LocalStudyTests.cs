using System.Text.Json.Nodes;
using Led.Core.Runs;
using Led.Testing;
using Led.Studies.Folders;
using Led.Studies.Local;
using Led.Studies.Planning;
using Led.Studies.Sharing;

namespace Led.Studies.Tests.Local;

public sealed class LocalStudyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("led-local-study").FullName;
    private readonly FakeLauncher _launcher = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Four runs (latentDim 1, 2, 3, 4): the first completed, the second interrupted, the third failed, the last pending.</summary>
    private SweepSession Session(IReadOnlyList<SharedDataset>? datasets = null, bool withHistory = true)
    {
        var plan = SweepExpander.Expand(JsonNode.Parse("""
            { "system": { "name": "Oscillator" }, "sweep": { "grid": { "encoder.options.latentDim": [1, 2, 3, 4] } } }
            """)!.AsObject(), [])!;
        var study = new StudyFolder(Path.Combine(_root, "study"));
        var session = new SweepSession(Path.Combine(_root, "study.json"), [], plan, study, datasets ?? [], [], threads: 1);
        session.Prepare();
        if (withHistory)
        {
            Directory.CreateDirectory(study.RunDirectory(plan.Runs[0].Id));
            File.WriteAllText(Path.Combine(study.RunDirectory(plan.Runs[0].Id), "metrics.json"), """{ "mnad": 0.5 }""");
            study.RecordFailure(plan.Runs[1].Id, "interrupted (run `led sweep run` again to continue)");
            study.RecordFailure(plan.Runs[2].Id, "exit code 1: it diverged");
        }
        return session;
    }

    private LocalStudy Local(SweepSession session) => new(session, _launcher, _output, _error);

    private static string[] Ids(SweepSession session, params int[] indices) => indices.Select(i => session.Plan.Runs[i].Id).ToArray();

    [Fact]
    public async Task CompletedRunsAreSkippedInterruptedOnesRerunAndFailedOnesLeft()
    {
        var session = Session();
        bool all = await Local(session).RunAsync(jobs: 2, retryFailed: false, new HashSet<int>(), CancellationToken.None);

        Assert.False(all);
        Assert.Equal(Ids(session, 1, 3).Order(), _launcher.RunFolders.Order());
        Assert.Equal([RunState.Completed, RunState.Completed, RunState.Failed, RunState.Completed],
            session.Plan.Runs.Select(r => session.Study.Status(r.Id).State));
        Assert.Equal(0.5, session.Study.Status(session.Plan.Runs[0].Id).Metrics["mnad"]); // not run again
        Assert.Contains("4 runs in " + session.Study.Root + ": 1 completed earlier, 1 failed earlier (not retried without --retry-failed), 2 to run with 2 workers", _output.ToString());
        Assert.Contains("sweep: 3 completed, 1 failed in", _output.ToString());
        Assert.Contains($"  failed run 2 ({session.Plan.Runs[2].Id}: latentDim=3): exit code 1: it diverged", _output.ToString());
    }

    [Fact]
    public async Task FailedRunsAreRetriedOnlyWhenAskedTo()
    {
        var session = Session();
        bool all = await Local(session).RunAsync(jobs: 1, retryFailed: true, new HashSet<int>(), CancellationToken.None);

        Assert.True(all);
        Assert.Equal(Ids(session, 1, 2, 3), _launcher.RunFolders);
        Assert.False(File.Exists(session.Study.ErrorFile(session.Plan.Runs[2].Id)));
        Assert.Contains("1 completed earlier, 3 to run with 1 worker (", _output.ToString());
        Assert.Contains("sweep: 4 completed in", _output.ToString());
    }

    [Fact]
    public async Task RunsQueuedOnSlurmAreLeftToIt()
    {
        var session = Session();
        await Local(session).RunAsync(jobs: 1, retryFailed: true, new HashSet<int> { 1, 2 }, CancellationToken.None);

        Assert.Equal(Ids(session, 3), _launcher.RunFolders);
        Assert.Contains("sweep: runs 1-2 are queued or running on Slurm; they are left to it", _output.ToString());
    }

    [Fact]
    public async Task AFailureIsRecordedAndTheOtherRunsGoOn()
    {
        var session = Session(withHistory: false);
        string broken = session.Plan.Runs[1].Id;
        _launcher.Outcome = args => args[0] == "run" && Path.GetFileName(args[3]) == broken ? new LedExit(1, "NaN in training") : null;

        Assert.False(await Local(session).RunAsync(jobs: 2, retryFailed: false, new HashSet<int>(), CancellationToken.None));
        Assert.Equal(4, _launcher.RunFolders.Count);
        var status = session.Study.Status(broken);
        Assert.Equal(RunState.Failed, status.State);
        Assert.Equal($"exit code 1: NaN in training; log: {session.Study.LogFile(broken)}", status.Error);

        _launcher.Outcome = _ => null;
        Assert.False(await Local(session).RunAsync(jobs: 2, retryFailed: false, new HashSet<int>(), CancellationToken.None));
        Assert.Equal(4, _launcher.RunFolders.Count); // nothing left to do without --retry-failed
    }

    [Fact]
    public async Task AfterCancellationNoNewRunStartsAndTheInterruptedOneRunsNextTime()
    {
        var session = Session(withHistory: false);
        using var cancel = new CancellationTokenSource();
        _launcher.Outcome = args =>
        {
            cancel.Cancel(); // Ctrl-C while the first run is in flight: it stops, as led run does
            return new LedExit(130, "interrupted");
        };

        Assert.False(await Local(session).RunAsync(jobs: 1, retryFailed: false, new HashSet<int>(), cancel.Token));
        Assert.Equal(Ids(session, 0), _launcher.RunFolders);
        Assert.Equal(RunState.Interrupted, session.Study.Status(session.Plan.Runs[0].Id).State);
        Assert.Equal(RunState.Pending, session.Study.Status(session.Plan.Runs[1].Id).State);

        _launcher.Outcome = _ => null;
        Assert.True(await Local(session).RunAsync(jobs: 1, retryFailed: false, new HashSet<int>(), CancellationToken.None));
        Assert.Equal(Ids(session, 0, 0, 1, 2, 3), _launcher.RunFolders);
    }

    [Fact]
    public async Task ASharedDatasetIsSimulatedOnceBeforeTheRunsThatReadIt()
    {
        var session = Session(datasets: [new SharedDataset("0123456789ab", [1, 2, 3])]);
        Assert.True(await Local(session).RunAsync(jobs: 2, retryFailed: true, new HashSet<int>(), CancellationToken.None));

        var commands = _launcher.Commands;
        Assert.Equal(["simulate", session.Study.DatasetConfigFile("0123456789ab"), "--out", session.Study.DatasetFile("0123456789ab")], commands[0]);
        Assert.Single(commands, c => c[0] == "simulate");
        Assert.Equal(3, commands.Count(c => c[0] == "run"));
    }

    [Fact]
    public async Task RunOneSkipsACompletedRun()
    {
        var session = Session();
        Assert.True(await Local(session).RunOneAsync(0));
        Assert.Empty(_launcher.Commands);
        Assert.Contains("is already completed", _output.ToString());

        Assert.True(await Local(session).RunOneAsync(2));
        Assert.Equal(Ids(session, 2), _launcher.RunFolders);
    }

    [Fact]
    public async Task TwoRunnersOnOneStudyRunEachRunOnceAndSimulateTheSharedDatasetOnce()
    {
        var session = Session(datasets: [new SharedDataset("0123456789ab", [0, 1, 2, 3])], withHistory: false);
        _launcher.Delay = TimeSpan.FromMilliseconds(100);
        var outputs = new[] { new StringWriter(), new StringWriter() };
        var runners = outputs.Select(o => Task.Run(() =>
            new LocalStudy(session, _launcher, TextWriter.Synchronized(o), _error, lockPoll: TimeSpan.FromMilliseconds(10))
                .RunAsync(jobs: 2, retryFailed: false, new HashSet<int>(), CancellationToken.None))).ToArray();
        await Task.WhenAll(runners);

        Assert.Single(_launcher.Commands, c => c[0] == "simulate");
        Assert.Equal(Ids(session, 0, 1, 2, 3).Order(StringComparer.Ordinal), _launcher.RunFolders.Order(StringComparer.Ordinal));
        Assert.All(session.Plan.Runs, r => Assert.Equal(RunState.Completed, session.Study.Status(r.Id).State));
        Assert.Empty(Directory.GetFiles(Path.Combine(session.Study.Root, "locks")));
        string both = outputs[0].ToString() + outputs[1];
        Assert.Equal(4, both.Split('\n').Count(l => l.Contains("] started run ")));
    }

    [Fact]
    public async Task AStaleRunLockIsTakenOverAndARunStillWrittenByALiveProcessIsWaitedFor()
    {
        var session = Session(withHistory: false);
        var (stale, orphaned) = (session.Plan.Runs[0], session.Plan.Runs[1]);
        var ended = new LockOwner(ProcessIds.Ended(), Environment.MachineName, DateTimeOffset.UtcNow.AddMinutes(-1));
        Directory.CreateDirectory(Path.Combine(session.Study.Root, "locks"));
        File.WriteAllText(session.Study.RunLock(stale.Id), ended.ToJson());
        File.WriteAllText(session.Study.RunLock(orphaned.Id), ended.ToJson());
        // The killed runner's `led run` of the second run still runs, writing its incomplete folder.
        using var child = ProcessIds.Sleeper();
        var writer = new LockOwner(child.Id, Environment.MachineName, DateTimeOffset.UtcNow);
        string incomplete = Path.Combine(session.Study.Root, $".{orphaned.Id}.incomplete-{child.Id}");
        Directory.CreateDirectory(incomplete);
        File.WriteAllText(Path.Combine(incomplete, RunFolder.OwnerFile), writer.ToJson());
        var output = new StringWriter();
        var runner = new LocalStudy(session, _launcher, TextWriter.Synchronized(output), _error, lockPoll: TimeSpan.FromMilliseconds(10))
            .RunAsync(jobs: 1, retryFailed: false, new HashSet<int>(), CancellationToken.None);
        try
        {
            while (!output.ToString().Contains("waiting for 1 run that other processes run (1)") && !runner.IsCompleted) await Task.Delay(10);
            Assert.Equal(Ids(session, 0, 2, 3), _launcher.RunFolders);
            Assert.Contains($"{stale}: took over the lock of {ended}, which no longer runs", output.ToString());
            Assert.Contains($"skipped {orphaned}: its folder is being written by {writer}", output.ToString());
            Assert.True(Directory.Exists(incomplete), "the folder of the live process is kept");
            Assert.False(runner.IsCompleted, "the runner waits for the run that another process runs");
        }
        finally
        {
            child.Kill();
        }

        // The orphaned process died without finishing the run: the runner picks it up.
        Assert.True(await runner);
        Assert.Equal(Ids(session, 0, 2, 3, 1), _launcher.RunFolders);
        Assert.False(Directory.Exists(incomplete));
    }
}
