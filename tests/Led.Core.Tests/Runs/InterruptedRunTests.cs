using System.Text.Json.Nodes;
using Led.Core.Runs;
using Led.Core.Training;
using Led.Testing;

namespace Led.Core.Tests.Runs;

public sealed class InterruptedRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-interrupted").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Final => Path.Combine(_dir, "run");

    private static JsonObject Config(double learningRate = 0.01, int threads = 1, string directory = "out") => new()
    {
        ["seed"] = 3,
        ["threads"] = threads,
        ["output"] = new JsonObject { ["directory"] = directory },
        ["training"] = new JsonObject { ["learningRate"] = learningRate, ["checkpointEpochs"] = 1 },
    };

    /// <summary>An incomplete folder of <paramref name="pid"/> holding the config and, when asked, a checkpoint.</summary>
    private string Interrupted(int pid, JsonObject config, bool checkpoint = true, string? host = null)
    {
        string folder = Path.Combine(_dir, $".run.incomplete-{pid}");
        Directory.CreateDirectory(Path.Combine(folder, TrainingCheckpoints.FolderName));
        File.WriteAllText(Path.Combine(folder, RunFolder.OwnerFile), new LockOwner(pid, host ?? Environment.MachineName, DateTimeOffset.UtcNow).ToJson());
        File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJsonString());
        if (checkpoint) File.WriteAllText(Path.Combine(folder, TrainingCheckpoints.FolderName, "autoencoder.ckpt"), "x");
        return folder;
    }

    [Fact]
    public void TheInterruptedRunWithACheckpointIsFoundWhenOnlyTheOutputThreadsOrScheduleDiffer()
    {
        Assert.Equal(new InterruptedRun.Outcome(null, null), InterruptedRun.Find(Final, Config()));
        Interrupted(ProcessIds.Ended(), Config(), checkpoint: false);
        Assert.Equal(new InterruptedRun.Outcome(null, null), InterruptedRun.Find(Final, Config()));

        string folder = Interrupted(ProcessIds.Ended(), Config(threads: 4, directory: "elsewhere"));
        var now = Config();
        now["training"]!["checkpointEpochs"] = 5;
        Assert.Equal(new InterruptedRun.Outcome(folder, null), InterruptedRun.Find(Final, now));
        Assert.Equal(InterruptedRun.Hash(Config(threads: 4, directory: "elsewhere")), InterruptedRun.Hash(now));
        Assert.NotEqual(InterruptedRun.Hash(Config(learningRate: 0.02)), InterruptedRun.Hash(now));
    }

    [Fact]
    public void AnotherConfigurationIsRefusedNamingTheFirstDifference()
    {
        string folder = Interrupted(ProcessIds.Ended(), Config());
        var outcome = InterruptedRun.Find(Final, Config(learningRate: 0.02));
        Assert.Null(outcome.Folder);
        Assert.Equal($"--resume: the interrupted run in {folder} was started with another configuration (training.learningRate: 0.01 then, 0.02 now): " +
                     "resume it with the configuration it was started with, or run without --resume to start afresh (the interrupted run is then removed)",
            outcome.Problem);
    }

    [Fact]
    public void ARunStillWrittenByALiveProcessIsNotTakenOver()
    {
        using var sleeper = ProcessIds.Sleeper();
        try
        {
            string folder = Interrupted(sleeper.Id, Config());
            var outcome = InterruptedRun.Find(Final, Config());
            Assert.Null(outcome.Folder);
            Assert.StartsWith($"--resume: {Final} is being written by process {sleeper.Id} on {Environment.MachineName}", outcome.Problem);
            Assert.EndsWith($"({folder}): wait for it to end, or give another output folder", outcome.Problem);
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void ARunStoppedByCtrlCIsFoundInItsFailedFolderButAFailedOneIsNot()
    {
        string failed = Final + ".failed";
        Directory.CreateDirectory(Path.Combine(failed, TrainingCheckpoints.FolderName));
        File.WriteAllText(Path.Combine(failed, TrainingCheckpoints.FolderName, "propagator.ckpt"), "x");
        File.WriteAllText(Path.Combine(failed, "config.json"), Config().ToJsonString());
        File.WriteAllText(Path.Combine(failed, "error.txt"), "TrainingDivergedException: the loss became NaN\n");
        Assert.Equal(new InterruptedRun.Outcome(null, null), InterruptedRun.Find(Final, Config()));
        File.WriteAllText(Path.Combine(failed, "error.txt"), "interrupted\n");
        Assert.Equal(new InterruptedRun.Outcome(failed, null), InterruptedRun.Find(Final, Config()));
    }
}
