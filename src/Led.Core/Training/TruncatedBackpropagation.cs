using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// The data layout of truncated back-propagation through time: windows of <c>windowLength</c> samples cut every
/// <c>sequenceLength</c> samples from each trajectory, and each window's chunks of <c>sequenceLength</c> inputs with
/// their targets one sample later.
/// </summary>
public static class TruncatedBackpropagation
{
    /// <summary>Windows <c>[n, windowLength, …]</c> from trajectories <c>[T, …]</c>.</summary>
    public static Tensor Windows(IReadOnlyList<Tensor> trajectories, int windowLength, int stride, string split)
    {
        using var scope = NewDisposeScope();
        var windows = new List<Tensor>();
        foreach (var trajectory in trajectories)
            for (long start = 0; start + windowLength <= trajectory.shape[0]; start += stride)
                windows.Add(trajectory.slice(0, start, start + windowLength, 1));
        if (windows.Count == 0)
            throw new ArgumentException($"the {split} trajectories ({string.Join(", ", trajectories.Select(t => t.shape[0]))} samples) " +
                                        $"are shorter than training.windowLength = {windowLength}: lower it or generate longer data");
        return stack(windows).MoveToOuterDisposeScope();
    }

    /// <summary>(inputs, targets) of each chunk of a batch of windows <c>[B, W, …]</c>: samples [p·L, (p+1)·L) and one later.</summary>
    public static IEnumerable<(Tensor Input, Tensor Target)> Chunks(Tensor batch, int length)
    {
        long chunks = (batch.shape[1] - 1) / length;
        for (long p = 0; p < chunks; p++)
            yield return (batch.slice(1, p * length, (p + 1) * length, 1), batch.slice(1, p * length + 1, (p + 1) * length + 1, 1));
    }
}
