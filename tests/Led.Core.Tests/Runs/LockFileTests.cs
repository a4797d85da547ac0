using Led.Core.Runs;
using Led.Testing;

namespace Led.Core.Tests.Runs;

public sealed class LockFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-lock").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Lock => Path.Combine(_dir, "locks", "run-x.lock");

    private void WriteLock(LockOwner owner)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Lock)!);
        File.WriteAllText(Lock, owner.ToJson());
    }

    [Fact]
    public void OfManyThatTryAtOnceOneGetsTheLockAndTheOthersSeeItsHolder()
    {
        var results = new LockFile?[16];
        var holders = new LockOwner?[16];
        Parallel.For(0, results.Length, i => results[i] = LockFile.TryAcquire(Lock, out holders[i]));
        var winner = Assert.Single(results, r => r is not null)!;
        Assert.All(holders.Where((_, i) => results[i] is null), h => Assert.Equal(Environment.ProcessId, h!.Pid));
        Assert.Equal(LockOwner.Current, LockOwner.Parse(File.ReadAllText(Lock)));

        winner.Dispose();
        Assert.False(File.Exists(Lock));
        using var again = LockFile.TryAcquire(Lock, out var none);
        Assert.NotNull(again);
        Assert.Null(none);
    }

    [Fact]
    public void AStaleLockOfAnEndedProcessIsTakenOverAndALiveOneIsRespected()
    {
        var ended = new LockOwner(ProcessIds.Ended(), Environment.MachineName, DateTimeOffset.UtcNow.AddMinutes(-5));
        WriteLock(ended);
        var takenOver = new List<LockOwner>();
        using (var taken = LockFile.TryAcquire(Lock, out var holder, takenOver.Add))
        {
            Assert.NotNull(taken);
            Assert.Null(holder);
            Assert.Equal([ended], takenOver);
            Assert.Equal(Environment.ProcessId, LockOwner.Parse(File.ReadAllText(Lock))!.Pid);
        }

        using var sleeper = ProcessIds.Sleeper();
        try
        {
            var live = new LockOwner(sleeper.Id, Environment.MachineName, DateTimeOffset.UtcNow);
            WriteLock(live);
            Assert.Null(LockFile.TryAcquire(Lock, out var holder, takenOver.Add));
            Assert.Equal(live, holder);
            Assert.Equal(live, LockFile.LiveHolder(Lock));
            Assert.Single(takenOver);
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void AnotherHostsLockIsRespectedUnlessOlderThanTheAgeLimit()
    {
        // Its process ids mean nothing here: the lock of an ended process id on another host stands.
        var other = new LockOwner(ProcessIds.Ended(), "another-host", DateTimeOffset.UtcNow.AddHours(-30));
        WriteLock(other);
        Assert.Null(LockFile.TryAcquire(Lock, out var holder));
        Assert.Equal(other, holder);
        Assert.Null(LockFile.TryAcquire(Lock, out _, maximumAge: TimeSpan.FromHours(48)));
        using var taken = LockFile.TryAcquire(Lock, out _, maximumAge: TimeSpan.FromHours(24));
        Assert.NotNull(taken);
    }

    [Fact]
    public void ALockBeingWrittenCountsAsHeld()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Lock)!);
        File.WriteAllText(Lock, "");
        Assert.Null(LockFile.TryAcquire(Lock, out var holder));
        Assert.Null(holder);
    }
}
