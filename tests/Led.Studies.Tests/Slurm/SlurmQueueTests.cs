using Led.Studies.Slurm;

namespace Led.Studies.Tests.Slurm;

public sealed class SlurmQueueTests
{
    [Fact]
    public void SqueueLinesGiveEachTasksState()
    {
        var states = SlurmQueue.ParseSqueue("123_[5-7,9%2] PENDING\n123_4 RUNNING\n  123_0 COMPLETED  \n124 FAILED\nnonsense\n");
        Assert.Equal(new Dictionary<int, SlurmState>
        {
            [5] = SlurmState.Pending, [6] = SlurmState.Pending, [7] = SlurmState.Pending, [9] = SlurmState.Pending,
            [4] = SlurmState.Running, [0] = SlurmState.Completed, [-1] = SlurmState.Failed,
        }, states);
    }

    [Fact]
    public void ScontrolLinesGiveEachTasksState()
    {
        var states = SlurmQueue.ParseScontrol("77",
            "JobId=78 ArrayJobId=77 ArrayTaskId=1 JobName=led-ks JobState=COMPLETED Reason=None\n" +
            "JobId=77 ArrayJobId=77 ArrayTaskId=2-3 JobName=led-ks JobState=PENDING Reason=Resources\n" +
            "JobId=79 JobName=led-ks-data JobState=TIMEOUT\n");
        Assert.Equal(new Dictionary<int, SlurmState>
        {
            [1] = SlurmState.Completed, [2] = SlurmState.Pending, [3] = SlurmState.Pending, [-1] = SlurmState.Timeout,
        }, states);
    }
}
