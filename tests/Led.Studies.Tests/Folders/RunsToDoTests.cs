using System.Text.Json.Nodes;
using Led.Studies.Folders;
using Led.Studies.Planning;

namespace Led.Studies.Tests.Folders;

public sealed class RunsToDoTests
{
    [Theory]
    [InlineData(RunState.Pending, false, true)]
    [InlineData(RunState.Incomplete, false, true)]
    [InlineData(RunState.Interrupted, false, true)]
    [InlineData(RunState.Completed, false, false)]
    [InlineData(RunState.Completed, true, false)]
    [InlineData(RunState.Failed, false, false)]
    [InlineData(RunState.Failed, true, true)]
    public void CompletedRunsAreNeverRedoneAndFailedOnesOnlyWhenRetried(RunState state, bool retryFailed, bool todo) =>
        Assert.Equal(todo, RunsToDo.Includes(state, retryFailed));

    [Fact]
    public void RunsOnSlurmAreLeftToIt()
    {
        var plan = SweepExpander.Expand(JsonNode.Parse("""{ "sweep": { "seed": [1, 2, 3, 4, 5] } }""")!.AsObject(), [])!;
        RunState[] states = [RunState.Completed, RunState.Failed, RunState.Pending, RunState.Interrupted, RunState.Pending];

        var todo = RunsToDo.Select(plan.Runs, r => states[r.Index], new HashSet<int> { 4 }, retryFailed: false);
        Assert.Equal([2, 3], todo.Select(r => r.Index));
        var retried = RunsToDo.Select(plan.Runs, r => states[r.Index], new HashSet<int>(), retryFailed: true);
        Assert.Equal([1, 2, 3, 4], retried.Select(r => r.Index));
    }
}
