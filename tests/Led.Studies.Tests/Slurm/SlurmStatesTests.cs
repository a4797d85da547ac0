using Led.Studies.Folders;
using Led.Studies.Slurm;

namespace Led.Studies.Tests.Slurm;

public sealed class SlurmStatesTests
{
    [Theory]
    [InlineData("PENDING", SlurmState.Pending)]
    [InlineData("RUNNING", SlurmState.Running)]
    [InlineData("running", SlurmState.Running)]
    [InlineData("COMPLETING", SlurmState.Completing)]
    [InlineData("OUT_OF_MEMORY", SlurmState.OutOfMemory)]
    [InlineData("NODE_FAIL", SlurmState.NodeFail)]
    [InlineData("CANCELLED by 1000", SlurmState.Cancelled)]
    [InlineData("CANCELLED+", SlurmState.Cancelled)]
    [InlineData(" TIMEOUT\n", SlurmState.Timeout)]
    [InlineData("LAUNCHED_ON_MARS", SlurmState.Unknown)]
    [InlineData("3", SlurmState.Unknown)]
    [InlineData("", SlurmState.Unknown)]
    public void SlurmsWordsAreParsedInOnePlace(string text, SlurmState state) => Assert.Equal(state, SlurmStates.Parse(text));

    [Fact]
    public void EveryStateIsWrittenAsSlurmWritesItAndReadBack()
    {
        Assert.Equal("OUT_OF_MEMORY", SlurmStates.Name(SlurmState.OutOfMemory));
        Assert.Equal("PENDING", SlurmStates.Name(SlurmState.Pending));
        foreach (var state in Enum.GetValues<SlurmState>().Where(s => s != SlurmState.Unknown))
            Assert.Equal(state, SlurmStates.Parse(SlurmStates.Name(state)));
    }

    [Fact]
    public void QueuedAndRunningTasksAreActive()
    {
        var active = Enum.GetValues<SlurmState>().Where(SlurmStates.IsActive).ToList();
        Assert.Equal([SlurmState.Pending, SlurmState.Configuring, SlurmState.Running, SlurmState.Completing, SlurmState.Suspended, SlurmState.Requeued], active);
    }

    [Theory]
    [InlineData(RunState.Pending, null, "pending")]
    [InlineData(RunState.Pending, SlurmState.Pending, "queued")]
    [InlineData(RunState.Incomplete, SlurmState.Running, "running")]
    [InlineData(RunState.Pending, SlurmState.Configuring, "running")]
    [InlineData(RunState.Pending, SlurmState.Completed, "no-results")]
    [InlineData(RunState.Pending, SlurmState.OutOfMemory, "out_of_memory")]
    [InlineData(RunState.Completed, SlurmState.Running, "completed")]
    [InlineData(RunState.Failed, SlurmState.Completed, "failed")]
    [InlineData(RunState.Interrupted, SlurmState.Cancelled, "interrupted")]
    public void ARunsStateCombinesItsFolderAndTheQueue(RunState disk, SlurmState? queue, string shown) =>
        Assert.Equal(shown, SlurmStates.RunStateName(new RunStatus(disk, null, new Dictionary<string, double>(), null), queue));
}
