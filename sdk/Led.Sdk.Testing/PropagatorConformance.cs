using Led.Abstractions.Learning;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Led.Sdk.Testing;

/// <summary>
/// What every latent propagator plugin must do. Inherit it in the plugin's tests and implement <see cref="Create"/>; a
/// fittable propagator is fitted by <see cref="Prepare"/> (override it to train or fit otherwise).
/// </summary>
public abstract class PropagatorConformance
{
    /// <summary>A propagator with the options under test for <paramref name="latent"/> on <paramref name="device"/>.</summary>
    protected abstract ILatentPropagator Create(LatentSpace latent, IDeviceContext device);

    /// <summary>The latent dimension d_z of the checks.</summary>
    protected virtual int LatentDim => 3;

    /// <summary>The floating-point type of the checks.</summary>
    protected virtual ScalarType DType => ScalarType.Float64;

    /// <summary>Largest difference allowed between batched and single-trajectory predictions, and between the fast step and the tensor path.</summary>
    protected virtual double Tolerance => DType == ScalarType.Float32 ? 1e-5 : 1e-10;

    /// <summary>Brings a new propagator into use: fits an <see cref="IFittable"/> on <see cref="SmoothLatents"/>; a trainable one is used as initialised.</summary>
    protected virtual void Prepare(ILatentPropagator propagator)
    {
        if (propagator is not IFittable fittable) return;
        using var scope = NewDisposeScope();
        fittable.Fit(new FitData([SmoothLatents(300, 0), SmoothLatents(300, 1)], [SmoothLatents(100, 2)]));
    }

    /// <summary>A smooth latent trajectory <c>[T, d_z]</c> inside (0, 1), like min-max scaled latents: phase-shifted sines.</summary>
    protected Tensor SmoothLatents(int steps, int trajectory)
    {
        var t = arange(steps, dtype: DType).mul(0.05).unsqueeze(1);
        var phase = arange(LatentDim, dtype: DType).mul(1.3).add(0.7 * trajectory).unsqueeze(0);
        var frequency = arange(LatentDim, dtype: DType).mul(0.17).add(1.0).unsqueeze(0);
        return t.mul(frequency).add(phase).sin().mul(0.35).add(0.5);
    }

    private ILatentPropagator CreatePrepared(int seed)
    {
        torch.set_num_threads(1);
        torch.manual_seed(seed);
        var propagator = Create(new LatentSpace(LatentDim), new TestDevice(DType));
        Prepare(propagator);
        (propagator as ITrainable)?.Module.eval();
        return propagator;
    }

    private static Tensor Predict(ILatentPropagator propagator, Tensor inputs)
    {
        using var state = propagator.Start((int)inputs.shape[0]);
        using var _ = no_grad();
        return propagator.Forward(state, inputs).detach();
    }

    private Tensor Inputs(int batch, int steps) =>
        stack(Enumerable.Range(0, batch).Select(b => SmoothLatents(steps, b + 5)).ToArray());

    /// <summary>Forward returns one finite prediction per input: <c>[B, T, d_z]</c>.</summary>
    [Fact]
    public void ForwardReturnsOnePredictionPerInput()
    {
        using var scope = NewDisposeScope();
        var propagator = CreatePrepared(1);
        var predictions = Predict(propagator, Inputs(2, 7));
        Assert.Equal(new long[] { 2, 7, LatentDim }, predictions.shape);
        Assert.True(predictions.isfinite().all().item<bool>(), "a prediction is not finite");
        (propagator as IDisposable)?.Dispose();
    }

    /// <summary>Latents of the wrong dimension are refused with an exception (not broadcast or truncated).</summary>
    [Fact]
    public void AWrongLatentDimensionIsRefused()
    {
        using var scope = NewDisposeScope();
        var propagator = CreatePrepared(1);
        using var state = propagator.Start(1);
        var wrong = rand(1, 4, LatentDim + 1, dtype: DType);
        var error = Record.Exception(() => propagator.Forward(state, wrong));
        Assert.NotNull(error);
        Assert.False(string.IsNullOrWhiteSpace(error!.Message));
        (propagator as IDisposable)?.Dispose();
    }

    /// <summary>A saved propagator loaded into a new instance (created with other random weights) predicts bit for bit the same.</summary>
    [Fact]
    public void SavingAndLoadingGivesBitIdenticalPredictions()
    {
        using var scope = NewDisposeScope();
        var saved = CreatePrepared(1);
        var loaded = CreatePrepared(2);
        TensorChecks.SaveAndLoad(saved, loaded);
        var inputs = Inputs(2, 9);
        Assert.True(TensorChecks.SameValues(Predict(saved, inputs), Predict(loaded, inputs)), "predictions differ after save and load");
        (saved as IDisposable)?.Dispose();
        (loaded as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Trajectories of a batch do not see each other, and a new <see cref="ILatentPropagator.Start"/> forgets the last
    /// one: each trajectory predicts the same alone, in a batch, and after another trajectory was run.
    /// </summary>
    [Fact]
    public void BatchMembersAndFreshStartsShareNoState()
    {
        using var scope = NewDisposeScope();
        var propagator = CreatePrepared(1);
        var inputs = Inputs(3, 8);
        var batched = Predict(propagator, inputs);
        for (int b = 0; b < 3; b++)
        {
            var alone = Predict(propagator, inputs[b..(b + 1)]);
            double gap = alone.sub(batched[b..(b + 1)]).abs().max().item<double>();
            Assert.True(gap <= Tolerance, $"trajectory {b} predicts differently alone and in a batch of 3 (by {gap:E3})");
        }
        var first = Predict(propagator, inputs[0..1]);
        Predict(propagator, inputs[1..2]);
        Assert.True(TensorChecks.SameValues(first, Predict(propagator, inputs[0..1])), "a fresh start remembers the previous trajectory");
        (propagator as IDisposable)?.Dispose();
    }

    /// <summary>Where the propagator offers a compiled step, it agrees with <see cref="ILatentPropagator.Forward"/> over a teacher-forced rollout.</summary>
    [Fact]
    public void TheFastStepAgreesWithTheTensorPath()
    {
        using var scope = NewDisposeScope();
        var propagator = CreatePrepared(1);
        if (propagator is not IFastLatentStepSource source) return;
        var inputs = Inputs(1, 12);
        var expected = Predict(propagator, inputs).to_type(ScalarType.Float64).squeeze(0);
        var step = source.CompileStep();
        step.Reset();
        var input = new double[LatentDim];
        var output = new double[LatentDim];
        var rows = inputs.squeeze(0).to_type(ScalarType.Float64);
        for (int t = 0; t < rows.shape[0]; t++)
        {
            for (int i = 0; i < LatentDim; i++) input[i] = rows[t, i].item<double>();
            step.Step(input, output);
            for (int i = 0; i < LatentDim; i++)
            {
                double gap = Math.Abs(output[i] - expected[t, i].item<double>());
                Assert.True(gap <= Tolerance, $"step {t}, component {i}: the compiled step differs from Forward by {gap:E3}");
            }
        }
        (propagator as IDisposable)?.Dispose();
    }
}
