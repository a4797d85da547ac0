using Led.Abstractions.Learning;
using Led.Core.Forecasting;
using static TorchSharp.torch;

namespace Led.Core.Tests.Forecasting;

/// <summary>The compiled timing path is used exactly as far as the components offer it (their capabilities).</summary>
public class SpeedMeasurementTests
{
    /// <summary>Decodes one latent value into a two-value state; counts the latents each path decoded.</summary>
    private class Doubling : IAutoencoder
    {
        public int TensorDecodes { get; private set; }

        public int LatentDim => 1;

        public Tensor Encode(Tensor states) => states.reshape(states.shape[0], 2).narrow(1, 0, 1);

        public Tensor Decode(Tensor latents)
        {
            TensorDecodes++;
            return cat([latents, latents * 2], 1).reshape(latents.shape[0], 1, 2);
        }
    }

    private sealed class CompiledDoubling : Doubling, IFastDecoderSource, IFastDecoder
    {
        public int FastDecodes { get; private set; }

        public IFastDecoder CompileDecoder() => this;

        public void Decode(ReadOnlySpan<double> latent, Span<double> state)
        {
            FastDecodes++;
            (state[0], state[1]) = (latent[0], 2 * latent[0]);
        }
    }

    /// <summary>z ← z/2 on both paths; offers the compiled step only when asked to.</summary>
    private class Halving : ILatentPropagator
    {
        public PropagatorState Start(int batchSize) => throw new NotSupportedException("only the compiled path is timed here");

        public Tensor Forward(PropagatorState state, Tensor latents) => latents * 0.5;
    }

    private sealed class CompiledHalving : Halving, IFastLatentStepSource, IFastLatentStep
    {
        public int Steps { get; private set; }

        public IFastLatentStep CompileStep() => this;

        public void Reset() { }

        public void Step(ReadOnlySpan<double> input, Span<double> output)
        {
            Steps++;
            output[0] = 0.5 * input[0];
        }
    }

    [Fact]
    public void WithoutACompiledStepThereIsNoCompiledTiming() =>
        Assert.Null(SpeedMeasurement.FastLatent(new CompiledDoubling(), new Halving(), null, [1.0], steps: 10));

    [Fact]
    public void ACompiledDecoderIsUsedWhenTheAutoencoderOffersOne()
    {
        var (autoencoder, propagator) = (new CompiledDoubling(), new CompiledHalving());

        var seconds = SpeedMeasurement.FastLatent(autoencoder, propagator, null, [1.0], steps: 10);

        Assert.NotNull(seconds);
        Assert.Equal(20, autoencoder.FastDecodes);          // warm-up and timed run, 10 steps each
        Assert.Equal(1, autoencoder.TensorDecodes);         // only to size the decoded state
        Assert.Equal(3 * (20 + 10), propagator.Steps);      // three runs, each 20 settling steps and 10 timed
    }

    [Fact]
    public void TheTensorDecoderIsUsedWhenTheAutoencoderOffersNoCompiledOne()
    {
        var autoencoder = new Doubling();

        var seconds = SpeedMeasurement.FastLatent(autoencoder, new CompiledHalving(), null, [1.0], steps: 10);

        Assert.NotNull(seconds);
        Assert.Equal(20, autoencoder.TensorDecodes);
    }

    [Fact]
    public void DecodingEveryKthStep_DecodesOnlyThoseStepsInItsOwnTiming()
    {
        var (autoencoder, propagator) = (new CompiledDoubling(), new CompiledHalving());

        var timing = SpeedMeasurement.FastLatent(autoencoder, propagator, null, [1.0], steps: 12, decodeEvery: 4);

        Assert.NotNull(timing);
        Assert.Equal(4, timing.DecodeEvery);
        Assert.Equal(12 + 12 + 3, autoencoder.FastDecodes);    // warm-up and every step: 12 each; every 4th of 12: 3
        Assert.Equal(4 * (20 + 12), propagator.Steps);         // four runs: warm-up, propagator only, every step, every 4th
    }

    [Fact]
    public void DecodingEveryStep_ReportsTheEveryStepTimingForBoth()
    {
        var timing = SpeedMeasurement.FastLatent(new CompiledDoubling(), new CompiledHalving(), null, [1.0], steps: 10);

        Assert.NotNull(timing);
        Assert.Equal(timing.WithDecoder, timing.WithDecoderEveryK);
    }

    /// <summary>Compiles a new halving step on each call and keeps them all.</summary>
    private sealed class CompilingHalving : Halving, IFastLatentStepSource
    {
        public System.Collections.Concurrent.ConcurrentBag<CompiledHalving> Compiled { get; } = [];

        public IFastLatentStep CompileStep()
        {
            var step = new CompiledHalving();
            Compiled.Add(step);
            return step;
        }
    }

    [Fact]
    public void ManyTrajectoriesOnTwoThreads_StepEveryTrajectoryOnOneCompiledStepPerThread()
    {
        var propagator = new CompilingHalving();

        var seconds = SpeedMeasurement.FastTrajectories(propagator, Enumerable.Range(0, 5).Select(i => new[] { 1.0 + i }).ToList(), steps: 7, threads: 2);

        Assert.NotNull(seconds);
        Assert.Equal(2, propagator.Compiled.Count);
        // three and two trajectories, each run for 20 settling steps and 7 timed ones
        Assert.Equal([2 * 27, 3 * 27], propagator.Compiled.Select(step => step.Steps).Order());
        Assert.Null(SpeedMeasurement.FastTrajectories(new Halving(), [[1.0]], steps: 7, threads: 2));
    }
}
