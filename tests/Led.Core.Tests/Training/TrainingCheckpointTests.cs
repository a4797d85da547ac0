using Led.Core.Training;

namespace Led.Core.Tests.Training;

public sealed class TrainingCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-checkpoint").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ACheckpointIsDueEveryNEpochsOnceTheMinutesHavePassed()
    {
        var everyThird = new TrainingCheckpoint(Path.Combine(_dir, "a.ckpt"), everyEpochs: 3, minMinutes: 0);
        var due = new List<bool>();
        for (int epoch = 1; epoch <= 7; epoch++)
        {
            due.Add(everyThird.Due());
            if (due[^1]) everyThird.Write(w => w.Write(epoch));
        }
        Assert.Equal([false, false, true, false, false, true, false], due);
        Assert.Equal(6, everyThird.Read(r => r.ReadInt32()));

        var hourly = new TrainingCheckpoint(Path.Combine(_dir, "b.ckpt"), everyEpochs: 1, minMinutes: 60);
        Assert.False(hourly.Due());
        var never = new TrainingCheckpoint(Path.Combine(_dir, "c.ckpt"), everyEpochs: 0, minMinutes: 0);
        Assert.False(never.Enabled);
        Assert.False(never.Due());
    }

    [Fact]
    public void AWriteReplacesTheCheckpointWholeAndLeavesNoTemporaryFile()
    {
        var checkpoint = new TrainingCheckpoint(Path.Combine(_dir, "nested", "p.ckpt"), 1, 0);
        checkpoint.Write(w => w.Write("first"));
        checkpoint.Write(w => w.Write("second"));
        Assert.Equal("second", checkpoint.Read(r => r.ReadString()));
        Assert.Equal(["p.ckpt"], Directory.GetFiles(Path.Combine(_dir, "nested")).Select(Path.GetFileName));

        // A write that fails half-way keeps the previous checkpoint.
        Assert.Throws<InvalidOperationException>(() => checkpoint.Write(w =>
        {
            w.Write("third");
            throw new InvalidOperationException("killed");
        }));
        Assert.Equal("second", checkpoint.Read(r => r.ReadString()));
        Assert.Equal(["p.ckpt"], Directory.GetFiles(Path.Combine(_dir, "nested")).Select(Path.GetFileName));
    }
}
