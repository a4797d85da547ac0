using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Progress;
using Led.Core.Training;
using Serilog.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class PropagatorTrainingTests
{
    /// <summary>A linear one-step map that records every input it is given while gradients are on (training) or off.</summary>
    private sealed class RecordingPropagator : ILatentPropagator, ITrainable
    {
        private readonly nn.Module<Tensor, Tensor> _map = nn.Linear(2, 2, dtype: ScalarType.Float64);

        /// <summary>The first window's inputs of each call, <c>[T, 2]</c> flattened.</summary>
        public List<double[]> TrainingInputs { get; } = [];

        public List<double[]> ValidationInputs { get; } = [];

        public nn.Module Module => _map;

        public PropagatorState Start(int batchSize) => new NoState();

        public Tensor Forward(PropagatorState state, Tensor latents)
        {
            (is_grad_enabled() ? TrainingInputs : ValidationInputs).Add(latents[0].detach().data<double>().ToArray());
            return _map.forward(latents);
        }

        private sealed class NoState : PropagatorState
        {
            public override void Detach() { }

            public override void Dispose() { }
        }
    }

    private static (RecordingPropagator Propagator, double[] Clean) Train(double noise, int seed, int globalSeed = 0)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(globalSeed);
        var clean = linspace(0, 1, 202, dtype: ScalarType.Float64).reshape(101, 2);
        var options = new TrainingOptions
        {
            Optimizer = OptimizerKind.Adam, MaxEpochs = 1, BatchSize = 100, SequenceLength = 25, WindowLength = 101, Noise = noise,
        };
        var propagator = new RecordingPropagator();
        new PropagatorTraining(options, new LatentScaler([0, 0], [1, 1]), seed, Logger.None, SilentProgress.Instance)
            .Train(propagator, [clean], [clean]);
        return (propagator, clean.data<double>().ToArray());
    }

    [Fact]
    public void NoisePerturbsOnlyTheTrainingInputsWithTheConfiguredStandardDeviation()
    {
        var (propagator, clean) = Train(noise: 0.05, seed: 3);

        // One window of 101 samples → 4 chunks of 25 inputs; the noise is their difference from the clean samples.
        Assert.Equal(4, propagator.TrainingInputs.Count);
        var noise = propagator.TrainingInputs.SelectMany((input, p) => input.Select((x, i) => x - clean[50 * p + i])).ToArray();
        Assert.Equal(200, noise.Length);
        double mean = noise.Average(), std = Math.Sqrt(noise.Sum(e => (e - mean) * (e - mean)) / (noise.Length - 1));
        // 200 Gaussian draws: the sample standard deviation is within ±20 % (4σ), the mean within 4·0.05/√200.
        Assert.InRange(std, 0.04, 0.06);
        Assert.InRange(mean, -0.015, 0.015);

        // Validation sees the clean windows.
        Assert.NotEmpty(propagator.ValidationInputs);
        for (int call = 0; call < propagator.ValidationInputs.Count; call++)
            Assert.Equal(clean.Skip(50 * (call % 4)).Take(50), propagator.ValidationInputs[call]);

        // The run's seed alone decides the noise, whatever the process drew before; another seed draws other noise.
        var (again, _) = Train(noise: 0.05, seed: 3, globalSeed: 99);
        Assert.Equal(propagator.TrainingInputs[2], again.TrainingInputs[2]);
        var (other, _) = Train(noise: 0.05, seed: 4);
        Assert.NotEqual(propagator.TrainingInputs[2], other.TrainingInputs[2]);
    }

    [Fact]
    public void WithoutNoiseTheTrainingInputsAreTheData()
    {
        var (propagator, clean) = Train(noise: 0, seed: 3);
        Assert.Equal(4, propagator.TrainingInputs.Count);
        for (int p = 0; p < propagator.TrainingInputs.Count; p++)
            Assert.Equal(clean.Skip(50 * p).Take(50), propagator.TrainingInputs[p]);
    }

    [Fact]
    public void RolloutFeedsTheLastStepsOfEveryChunkOneAtATime()
    {
        using var scope = NewDisposeScope();
        var clean = linspace(0, 1, 202, dtype: ScalarType.Float64).reshape(101, 2);
        var options = new TrainingOptions
        {
            Optimizer = OptimizerKind.Adam, MaxEpochs = 1, BatchSize = 100, SequenceLength = 25, WindowLength = 101, Rollout = 5,
        };
        var propagator = new RecordingPropagator();
        new PropagatorTraining(options, new LatentScaler([0, 0], [1, 1]), 3, Logger.None, SilentProgress.Instance).Train(propagator, [clean], [clean]);

        // 4 chunks, each one call with the 20 data inputs and 5 closed-loop calls of one input.
        Assert.Equal(24, propagator.TrainingInputs.Count);
        var values = clean.data<double>().ToArray();
        for (int p = 0; p < 4; p++)
        {
            Assert.Equal(values.Skip(50 * p).Take(40), propagator.TrainingInputs[6 * p]);
            for (int k = 1; k <= 5; k++)
            {
                Assert.Equal(2, propagator.TrainingInputs[6 * p + k].Length);
                Assert.NotEqual(values.Skip(50 * p + 2 * (19 + k)).Take(2), propagator.TrainingInputs[6 * p + k]);
            }
        }
        // Validation scores the same closed-loop chunks (twice: before training and after the epoch).
        Assert.Equal(48, propagator.ValidationInputs.Count);   // before training and after the epoch
        Assert.Equal(2, propagator.ValidationInputs[5].Length);
    }

    [Fact]
    public void RolloutIsRefusedInEndToEndModeAndWhenNoDataStepIsLeft()
    {
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var endToEnd = new TrainingOptions { Mode = TrainingMode.EndToEnd, Rollout = 3 };
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(endToEnd, new(endToEnd), errors, validateAllProperties: true);
        Assert.Contains(errors, e => e.ErrorMessage == "rollout: closed-loop chunks are trained in mode 'sequential'; remove rollout or use mode 'sequential'");

        errors.Clear();
        var tooLong = new TrainingOptions { SequenceLength = 10, Rollout = 10 };
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(tooLong, new(tooLong), errors, validateAllProperties: true);
        Assert.Contains(errors, e => e.ErrorMessage == "rollout (10) must be shorter than sequenceLength (10): each chunk starts from at least one data sample");
    }

    [Fact]
    public void NoiseNeedsSequentialTrainingAndAScaledRange()
    {
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new TrainingOptions { Mode = TrainingMode.EndToEnd, Noise = 0.02 };
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true);
        errors.AddRange(options.Validate(new(options)));
        Assert.Contains(errors, e => e.ErrorMessage!.StartsWith("noise: input noise perturbs the propagator's latent inputs, which needs mode 'sequential'"));

        errors.Clear();
        var tooLarge = new TrainingOptions { Noise = 2 };
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(tooLarge, new(tooLarge), errors, validateAllProperties: true);
        Assert.Contains(errors, e => e.ErrorMessage == "noise must be in [0, 1] (scaled latent units)");
    }
}
