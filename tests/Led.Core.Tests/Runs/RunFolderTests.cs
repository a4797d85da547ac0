using Led.Core.Runs;
using Led.Testing;

namespace Led.Core.Tests.Runs;

public sealed class RunFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-run").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ResultsAppearOnlyAtCommitAndReplaceAnEarlierRun()
    {
        string final = Path.Combine(_dir, "run");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "old.txt"), "old");

        var folder = RunFolder.Create(final);
        folder.WriteAtomically("metrics.json", p => File.WriteAllText(p, "{}"));
        Assert.False(File.Exists(Path.Combine(final, "metrics.json")));
        Assert.True(File.Exists(Path.Combine(final, "old.txt")));

        folder.Commit();
        Assert.True(File.Exists(Path.Combine(final, "metrics.json")));
        Assert.False(File.Exists(Path.Combine(final, "old.txt")));
        Assert.Equal(["run"], Directory.GetDirectories(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailedRunKeepsItsLogAsideAndPublishesNothing()
    {
        string final = Path.Combine(_dir, "run");
        var folder = RunFolder.Create(final);
        File.WriteAllText(folder.File("log.txt"), "log");
        string kept = folder.Fail("boom")!;
        Assert.Equal(final + ".failed", kept);
        Assert.False(Directory.Exists(final));
        Assert.Equal("boom", File.ReadAllText(Path.Combine(kept, "error.txt")).Trim());
        Assert.True(File.Exists(Path.Combine(kept, "log.txt")));
        Assert.Equal(["run.failed"], Directory.GetDirectories(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailureThatDiscardsResultsKeepsOnlyTheLogAndTheError()
    {
        string final = Path.Combine(_dir, "run");
        var folder = RunFolder.Create(final);
        File.WriteAllText(folder.File("log.txt"), "log");
        File.WriteAllText(folder.File("data.h5"), "data");
        Directory.CreateDirectory(folder.File("model"));
        string kept = folder.Fail("no space left on device", "the trace", discardResults: true)!;
        Assert.Equal(["error.txt", "log.txt"], Directory.GetFileSystemEntries(kept).Select(Path.GetFileName).Order());
        Assert.Equal("logthe trace", File.ReadAllText(Path.Combine(kept, "log.txt")));
    }

    [Fact]
    public void AFailureThatCannotBeKeptRemovesTheIncompleteFolder()
    {
        string final = Path.Combine(_dir, "run");
        var folder = RunFolder.Create(final);
        File.WriteAllText(folder.File("log.txt"), "log");
        File.WriteAllText(final + ".failed", "a file where the failed folder would go");
        Assert.Null(folder.Fail("boom"));
        Assert.False(Directory.Exists(folder.Path));
        Assert.Empty(Directory.GetDirectories(_dir));
    }

    private string Incomplete(string final, LockOwner? owner)
    {
        int pid = owner?.Pid ?? ProcessIds.Ended();
        string folder = Path.Combine(_dir, $".{Path.GetFileName(final)}.incomplete-{pid}");
        Directory.CreateDirectory(folder);
        if (owner is not null) File.WriteAllText(Path.Combine(folder, RunFolder.OwnerFile), owner.ToJson());
        return folder;
    }

    [Fact]
    public void IncompleteFoldersOfEndedProcessesAreRemovedAndThoseOfLiveOnesKept()
    {
        string final = Path.Combine(_dir, "run");
        string ended = Incomplete(final, new LockOwner(ProcessIds.Ended(), Environment.MachineName, DateTimeOffset.UtcNow.AddMinutes(-1)));
        string older = Incomplete(final, null); // written by an earlier version: no owner file, the PID of its name
        string otherHost = Incomplete(final, new LockOwner(ProcessIds.Ended(), "another-host", DateTimeOffset.UtcNow));
        using var sleeper = ProcessIds.Sleeper();
        try
        {
            string live = Incomplete(final, new LockOwner(sleeper.Id, Environment.MachineName, DateTimeOffset.UtcNow));
            var folder = RunFolder.Create(final);
            Assert.Equal(new[] { ended, older }.Order(), folder.RemovedStale.Order());
            Assert.True(Directory.Exists(live));
            Assert.True(Directory.Exists(otherHost));
            Assert.Equal(LockOwner.Current, LockOwner.Parse(File.ReadAllText(folder.File(RunFolder.OwnerFile))));

            folder.Commit();
            Assert.False(File.Exists(Path.Combine(final, RunFolder.OwnerFile)), "the owner file is not published");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void ResumeTakesOverTheInterruptedFolder()
    {
        string final = Path.Combine(_dir, "run");
        string interrupted = Incomplete(final, new LockOwner(ProcessIds.Ended(), Environment.MachineName, DateTimeOffset.UtcNow.AddMinutes(-1)));
        File.WriteAllText(Path.Combine(interrupted, "log.txt"), "first part");
        var folder = RunFolder.Resume(final, interrupted);
        Assert.Equal(interrupted, folder.ResumedFrom);
        Assert.False(Directory.Exists(interrupted));
        Assert.Equal("first part", File.ReadAllText(folder.File("log.txt")));
        Assert.Equal(LockOwner.Current, LockOwner.Parse(File.ReadAllText(folder.File(RunFolder.OwnerFile))));
    }
}
