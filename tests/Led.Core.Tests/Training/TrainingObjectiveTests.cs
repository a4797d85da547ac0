using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class TrainingObjectiveTests
{
    /// <summary>States <c>[N, 1, 3]</c>, latents their values; decoding halves them, so D(E(x)) − x = −x/2.</summary>
    private sealed class HalvingAutoencoder : IAutoencoder
    {
        public int LatentDim => 3;

        public Tensor Encode(Tensor states) => states.flatten(1);

        public Tensor Decode(Tensor latents) => latents.mul(0.5).unsqueeze(1);
    }

    private sealed class Identity : ILatentPropagator
    {
        public PropagatorState Start(int batchSize) => new Stateless();

        public Tensor Forward(PropagatorState state, Tensor latents) => latents;

        private sealed class Stateless : PropagatorState
        {
            public override void Detach() { }

            public override void Dispose() { }
        }
    }

    [Fact]
    public void PointWeightsWeighTheReconstructionTerm()
    {
        using var scope = NewDisposeScope();
        var options = new TrainingOptions { LatentLoss = false, ReconstructionLoss = true };
        // One window of two frames [1, 3]: x = [[2, 0, 4], [−2, 6, 0]]; squared errors x²/4 = [[1, 0, 4], [1, 9, 0]].
        var input = tensor(new double[] { 2, 0, 4, -2, 6, 0 }).reshape(1, 2, 1, 3);
        var target = tensor(new double[] { -2, 6, 0, 1, 1, 1 }).reshape(1, 2, 1, 3);
        var weights = tensor(new[] { 0.5, 2, 0.5 });
        var (autoencoder, propagator) = (new HalvingAutoencoder(), new Identity());

        // Weighted: (0.5 + 0 + 2 + 0.5 + 18 + 0) / 6 = 3.5; unweighted: 15 / 6 = 2.5.
        Assert.Equal(3.5, new TrainingObjective(options, weights: weights).Loss(autoencoder, propagator, propagator.Start(1), input, target).item<double>(), 1e-15);
        Assert.Equal(2.5, new TrainingObjective(options).Loss(autoencoder, propagator, propagator.Start(1), input, target).item<double>(), 1e-15);
    }
}
