using Led.Core.Configuration;
using Led.Abstractions.Learning;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class TruncatedBackpropagationTests
{
    private sealed class CountingState : PropagatorState
    {
        public List<double[]> Warmed { get; } = [];
        public int Detached { get; private set; }

        public override void Detach() => Detached++;

        public override void Dispose() { }
    }

    private sealed class CountingOptimizer : IGradientOptimizer
    {
        public int Steps { get; private set; }

        public void ZeroGrad() { }

        public void Step() => Steps++;

        public void SaveState(BinaryWriter writer) => writer.Write(Steps);

        public void LoadState(BinaryReader reader) => Steps = reader.ReadInt32();
    }

    [Fact]
    public void WindowsStartEveryStrideSamplesOfEachTrajectory()
    {
        using var scope = NewDisposeScope();
        // FHN's training set: three trajectories of 451 samples, windows of 121 (value = trajectory·1000 + sample index).
        var trajectories = Enumerable.Range(0, 3).Select(k => (arange(451, dtype: ScalarType.Float64) + 1000 * k).reshape(451, 1)).ToList();

        var everySample = TruncatedBackpropagation.Windows(trajectories, 121, 1, "training");
        var everyChunk = TruncatedBackpropagation.Windows(trajectories, 121, 20, "training");

        Assert.Equal([3 * 331L, 121, 1], everySample.shape);           // starts 0 … 330 in each trajectory
        Assert.Equal([3 * 17L, 121, 1], everyChunk.shape);             // starts 0, 20, …, 320
        Assert.Equal(1000 + 7, everySample[331 + 7, 0, 0].item<double>());
        Assert.Equal(1000 + 7 + 120, everySample[331 + 7, 120, 0].item<double>());
        Assert.Equal(2000 + 320, everyChunk[2 * 17 + 16, 0, 0].item<double>());
    }

    [Fact]
    public void TheWindowStrideDefaultsToTheSequenceLength()
    {
        Assert.Equal(20, new TrainingOptions { SequenceLength = 20 }.WindowStep);
        Assert.Equal(1, new TrainingOptions { SequenceLength = 20, WindowStride = 1 }.WindowStep);
    }

    [Fact]
    public void AWarmUpFeedsTheLeadingSamplesWithoutLossThenChunksTheRest()
    {
        using var scope = NewDisposeScope();
        // Two windows of 121 samples whose value is the sample index: FHN's window, sequence length 20, warm-up 20.
        var windows = arange(121, dtype: ScalarType.Float64).reshape(1, 121, 1).repeat(2, 1, 1);
        var states = new List<CountingState>();
        var firstInputs = new List<double>();
        var optimizer = new CountingOptimizer();
        double loss = TruncatedBackpropagation.Epoch(windows, 2, 20, new Random(1),
            _ => { var s = new CountingState(); states.Add(s); return s; },
            (state, input, target) =>
            {
                firstInputs.Add(input[0, 0, 0].item<double>());
                Assert.Equal(input[0, 0, 0].item<double>() + 1, target[0, 0, 0].item<double>());
                return (input - target).square().mean().requires_grad_(true);
            },
            optimizer, warmup: 20, warm: (state, frames) =>
            {
                Assert.False(is_grad_enabled());
                ((CountingState)state).Warmed.Add(frames[0, .., 0].data<double>().ToArray());
            });

        var state = Assert.Single(states);
        // The reference's P = ⌊(T − 1 − n_warmup)/SL⌋ = ⌊100/20⌋ = 5 chunks, scored from sample 20 on.
        Assert.Equal(5, optimizer.Steps);
        Assert.Equal([20.0, 40, 60, 80, 100], firstInputs);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (double)i), Assert.Single(state.Warmed));
        Assert.Equal(6, state.Detached);                      // after the warm-up and after each chunk
        Assert.Equal(1.0, loss, 12);

        // Without a warm-up: ⌊120/20⌋ = 6 chunks from sample 0.
        firstInputs.Clear();
        var plain = new CountingOptimizer();
        TruncatedBackpropagation.Epoch(windows, 2, 20, new Random(1), _ => new CountingState(),
            (_, input, target) => { firstInputs.Add(input[0, 0, 0].item<double>()); return (input - target).square().mean().requires_grad_(true); }, plain);
        Assert.Equal(6, plain.Steps);
        Assert.Equal(0.0, firstInputs[0]);
    }
}
