using Led.Abstractions.Learning;
using Led.Sdk.Testing;
using TorchSharp;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace Led.Sdk.Testing.Tests;

/// <summary>The kit's propagator checks fail for propagators that break the contract.</summary>
public sealed class PropagatorConformanceTests
{
    [Fact]
    public void APropagatorThatRemembersEarlierTrajectoriesOrMixesTheBatchFails()
    {
        var kit = new Kit(leaky: true);
        Assert.ThrowsAny<XunitException>(kit.BatchMembersAndFreshStartsShareNoState);
        kit.ForwardReturnsOnePredictionPerInput();
    }

    [Fact]
    public void APropagatorThatAcceptsAnyLatentSizeFails()
    {
        var kit = new Kit(leaky: false);
        Assert.ThrowsAny<XunitException>(kit.AWrongLatentDimensionIsRefused);
        kit.BatchMembersAndFreshStartsShareNoState();
    }

    private sealed class Kit(bool leaky) : PropagatorConformance
    {
        protected override ILatentPropagator Create(LatentSpace latent, IDeviceContext device) => new Faulty(leaky);
    }

    /// <summary>ẑ = z + 0.1 · (a running mean over every input it has seen, across trajectories and starts); or the identity.</summary>
    private sealed class Faulty(bool leaky) : ILatentPropagator, ITrainable
    {
        private readonly nn.Module _module = nn.Linear(1, 1);
        private double _seen;

        public nn.Module Module => _module;

        public PropagatorState Start(int batchSize) => new NoState();

        public Tensor Forward(PropagatorState state, Tensor latents)
        {
            if (!leaky) return latents.clone();
            _seen += latents.mean().item<double>();
            return latents.add(0.1 * _seen);
        }

        private sealed class NoState : PropagatorState
        {
            public override void Detach() { }

            public override void Dispose() { }
        }
    }
}
