using Led.Abstractions.Learning;
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

    /// <summary>
    /// One training epoch: shuffled batches of windows; per batch a fresh propagator state, first fed the window's
    /// <paramref name="warmup"/> leading samples through <paramref name="warm"/> without gradient or loss (the reference's
    /// n_warmup_train), then carried (detached) across the chunks of the rest, one optimiser step per chunk. Returns the
    /// mean chunk loss, read from the device once (<see cref="LossAccumulator"/>).
    /// </summary>
    public static double Epoch(Tensor windows, int batchSize, int length, Random random, Func<int, PropagatorState> start,
        Func<PropagatorState, Tensor, Tensor, Tensor> chunkLoss, IGradientOptimizer optimizer, int warmup = 0,
        Action<PropagatorState, Tensor>? warm = null)
    {
        var order = TensorData.Shuffled((int)windows.shape[0], random);
        using var total = new LossAccumulator();
        for (int first = 0; first < order.Length; first += batchSize)
        {
            using var batchScope = NewDisposeScope();
            var batch = TensorData.Rows(windows, order.AsSpan(first, Math.Min(batchSize, order.Length - first)));
            using var state = start((int)batch.shape[0]);
            batch = WarmUp(state, batch, warmup, warm);
            foreach (var (input, target) in Chunks(batch, length))
            {
                using var scope = NewDisposeScope();
                var loss = chunkLoss(state, input, target);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                state.Detach();
                total.Add(loss);
            }
        }
        return total.Mean();
    }

    /// <summary>The mean chunk loss over all windows without gradient (validation), after the same warm-up as <see cref="Epoch"/>.</summary>
    public static double Evaluate(Tensor windows, int batchSize, int length, Func<int, PropagatorState> start,
        Func<PropagatorState, Tensor, Tensor, Tensor> chunkLoss, int warmup = 0, Action<PropagatorState, Tensor>? warm = null) =>
        EvaluateTerms(windows, batchSize, length, start, (state, input, target) => chunkLoss(state, input, target).reshape(1), warmup, warm)[0];

    /// <summary>
    /// The mean over all chunks of every entry of <paramref name="chunkTerms"/> (a vector of loss terms per chunk), without
    /// gradient, after the same warm-up as <see cref="Epoch"/>.
    /// </summary>
    public static double[] EvaluateTerms(Tensor windows, int batchSize, int length, Func<int, PropagatorState> start,
        Func<PropagatorState, Tensor, Tensor, Tensor> chunkTerms, int warmup = 0, Action<PropagatorState, Tensor>? warm = null)
    {
        using var noGrad = no_grad();
        double[]? total = null;
        int steps = 0;
        for (long first = 0; first < windows.shape[0]; first += batchSize)
        {
            using var batchScope = NewDisposeScope();
            var batch = windows.slice(0, first, Math.Min(windows.shape[0], first + batchSize), 1);
            using var state = start((int)batch.shape[0]);
            batch = WarmUp(state, batch, warmup, warm);
            foreach (var (input, target) in Chunks(batch, length))
            {
                using var scope = NewDisposeScope();
                var terms = chunkTerms(state, input, target).to(ScalarType.Float64).cpu().data<double>().ToArray();
                total ??= new double[terms.Length];
                for (int i = 0; i < terms.Length; i++) total[i] += terms[i];
                steps++;
            }
        }
        return total!.Select(t => t / steps).ToArray();
    }

    /// <summary>Feeds the first <paramref name="warmup"/> samples of the windows to the state without gradient; returns the rest.</summary>
    private static Tensor WarmUp(PropagatorState state, Tensor batch, int warmup, Action<PropagatorState, Tensor>? warm)
    {
        if (warmup <= 0) return batch;
        if (warm is null) throw new ArgumentException("a warm-up needs the function that feeds it", nameof(warm));
        using (no_grad())
        using (NewDisposeScope())
            warm(state, batch.slice(1, 0, warmup, 1));
        state.Detach();
        return batch.slice(1, warmup, batch.shape[1], 1);
    }
}
