using Led.Abstractions.Learning;
using Led.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class ClosedLoopTests
{
    /// <summary>z ↦ A z + b with fixed A and b, without state.</summary>
    private sealed class AffineMap : ILatentPropagator
    {
        public static readonly double[,] A = { { 0.9, -0.2 }, { 0.3, 0.7 } };
        public static readonly double[] B = [0.05, -0.1];

        public List<long> CallLengths { get; } = [];

        public PropagatorState Start(int batchSize) => new NoState();

        public Tensor Forward(PropagatorState state, Tensor latents)
        {
            CallLengths.Add(latents.shape[1]);
            using var a = tensor(new[] { A[0, 0], A[0, 1], A[1, 0], A[1, 1] }, [2, 2], ScalarType.Float64);
            using var b = tensor(B, ScalarType.Float64);
            return latents.matmul(a.t()) + b;
        }

        public static double[] Apply(double[] z) => [A[0, 0] * z[0] + A[0, 1] * z[1] + B[0], A[1, 0] * z[0] + A[1, 1] * z[1] + B[1]];

        private sealed class NoState : PropagatorState
        {
            public override void Detach() { }

            public override void Dispose() { }
        }
    }

    [Fact]
    public void TheLastStepsAreFedThePropagatorsOwnPredictions()
    {
        var data = new double[] { 1, 0, 0.5, 0.5, -1, 2, 3, -3, 0.25, 0.75 };   // 5 steps of d_z 2, far from the map's orbit
        using var input = tensor(data, [1, 5, 2], ScalarType.Float64);
        var map = new AffineMap();

        using var predicted = ClosedLoop.Forward(map, map.Start(1), input, rollout: 2);

        Assert.Equal([1, 5, 2], predicted.shape);
        Assert.Equal([3L, 1, 1], map.CallLengths);
        var expected = new List<double[]>();
        for (int t = 0; t < 3; t++) expected.Add(AffineMap.Apply(data[(2 * t)..(2 * t + 2)]));
        expected.Add(AffineMap.Apply(expected[2]));
        expected.Add(AffineMap.Apply(expected[3]));
        var values = predicted.data<double>().ToArray();
        for (int t = 0; t < 5; t++)
            for (int d = 0; d < 2; d++)
                Assert.Equal(expected[t][d], values[2 * t + d], 1e-14);
    }

    [Fact]
    public void WithoutRolloutItIsTeacherForcing()
    {
        using var input = rand([3, 6, 2], ScalarType.Float64);
        var map = new AffineMap();
        using var closed = ClosedLoop.Forward(map, map.Start(3), input, rollout: 0);
        using var forced = map.Forward(map.Start(3), input);
        Assert.Equal(forced.data<double>().ToArray(), closed.data<double>().ToArray());
        Assert.Equal([6L, 6], map.CallLengths);
    }

    [Fact]
    public void TheGradientFlowsThroughTheClosedLoop()
    {
        var layer = nn.Linear(2, 2, dtype: ScalarType.Float64);
        var propagator = new ModulePropagator(layer);
        using var input = rand([1, 4, 2], ScalarType.Float64);
        ClosedLoop.Forward(propagator, propagator.Start(1), input, rollout: 3).sum().backward();
        // Three closed-loop steps compose the map: the gradient of the last output depends on the weights through all of them.
        Assert.NotNull(layer.weight!.grad);
        Assert.True(layer.weight.grad!.abs().sum().item<double>() > 0);
    }

    [Fact]
    public void ARolloutAsLongAsTheChunkIsRefused()
    {
        using var input = zeros([1, 4, 2], ScalarType.Float64);
        var map = new AffineMap();
        var error = Assert.Throws<ArgumentException>(() => ClosedLoop.Forward(map, map.Start(1), input, rollout: 4));
        Assert.Contains("rollout 4 must be in [0, 4)", error.Message);
    }

    private sealed class ModulePropagator(nn.Module<Tensor, Tensor> module) : ILatentPropagator
    {
        public PropagatorState Start(int batchSize) => new Stateless();

        public Tensor Forward(PropagatorState state, Tensor latents) => module.forward(latents);

        private sealed class Stateless : PropagatorState
        {
            public override void Detach() { }

            public override void Dispose() { }
        }
    }
}
