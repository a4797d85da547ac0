using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Led.Sdk.Testing;

/// <summary>
/// What every autoencoder plugin must do. Inherit it in the plugin's tests and implement <see cref="Description"/> and
/// <see cref="Create"/>.
/// </summary>
public abstract class AutoencoderConformance
{
    /// <summary>The system whose states the autoencoder encodes (its observable's shape).</summary>
    protected abstract SystemDescription Description { get; }

    /// <summary>An autoencoder with the options under test for <paramref name="description"/> on <paramref name="device"/>.</summary>
    protected abstract IAutoencoder Create(SystemDescription description, IDeviceContext device);

    /// <summary>The floating-point type of the checks.</summary>
    protected virtual ScalarType DType => ScalarType.Float64;

    /// <summary>Largest reconstruction error (max absolute) of a fitted autoencoder on <see cref="RepresentableStates"/>.</summary>
    protected virtual double FittedTolerance => DType == ScalarType.Float32 ? 1e-4 : 1e-8;

    /// <summary>Adam steps (learning rate 1e-3) a trainable autoencoder takes on <see cref="RepresentableStates"/> in the round-trip check.</summary>
    protected virtual int TrainingSteps => 150;

    /// <summary>
    /// Scaled states <c>[B, …shape]</c> inside (0.05, 0.95) that lie on a <c>min(2, d_z)</c>-dimensional affine subspace:
    /// a linear (PCA-like) autoencoder reconstructs them exactly, and any autoencoder with d_z ≥ 2 can represent them.
    /// </summary>
    protected virtual Tensor RepresentableStates(int count, int latentDim)
    {
        int size = Description.Size;
        int rank = Math.Min(2, latentDim);
        var x = arange(size, dtype: DType).mul(2 * Math.PI / size);
        var t = arange(count, dtype: DType).mul(0.37);
        var states = full(count, size, 0.5, dtype: DType);
        for (int k = 0; k < rank; k++)
        {
            var mode = x.mul(k + 1).add(0.5 * k).sin().unsqueeze(0);
            var amplitude = t.mul(1 + 0.6 * k).add(k).cos().mul(0.2).unsqueeze(1);
            states.add_(amplitude.mul(mode));
        }
        return states.reshape([count, .. Description.Shape.Select(n => (long)n)]);
    }

    /// <summary>A new autoencoder; a fittable one is fitted on <see cref="RepresentableStates"/> unless <paramref name="fit"/> is false.</summary>
    private IAutoencoder CreateSeeded(int seed, bool fit = true)
    {
        torch.set_num_threads(1);
        torch.manual_seed(seed);
        var autoencoder = Create(Description, new TestDevice(DType));
        if (fit && autoencoder is IFittable fittable)
        {
            using var scope = NewDisposeScope();
            fittable.Fit(new FitData([RepresentableStates(16, autoencoder.LatentDim)], []));
        }
        return autoencoder;
    }

    private static Tensor Reconstruct(IAutoencoder autoencoder, Tensor states)
    {
        using var _ = no_grad();
        (autoencoder as ITrainable)?.Module.eval();
        return autoencoder.Decode(autoencoder.Encode(states)).detach();
    }

    /// <summary>Encode gives <c>[B, d_z]</c> and Decode gives back <c>[B, …shape]</c>, finite.</summary>
    [Fact]
    public void EncodeAndDecodeKeepTheShapes()
    {
        using var scope = NewDisposeScope();
        var autoencoder = CreateSeeded(1);
        var states = RepresentableStates(4, autoencoder.LatentDim);
        using var _ = no_grad();
        var latents = autoencoder.Encode(states);
        Assert.Equal(new long[] { 4, autoencoder.LatentDim }, latents.shape);
        var decoded = autoencoder.Decode(latents);
        Assert.Equal(states.shape, decoded.shape);
        Assert.True(decoded.isfinite().all().item<bool>(), "a decoded value is not finite");
        (autoencoder as IDisposable)?.Dispose();
    }

    /// <summary>States of another shape are refused with an exception.</summary>
    [Fact]
    public void AWrongStateShapeIsRefused()
    {
        using var scope = NewDisposeScope();
        var autoencoder = CreateSeeded(1);
        var wrong = rand([2, .. Description.Shape.Select(n => (long)n + 1)], dtype: DType);
        var error = Record.Exception(() => { using var _ = no_grad(); autoencoder.Encode(wrong); });
        Assert.NotNull(error);
        Assert.False(string.IsNullOrWhiteSpace(error!.Message));
        (autoencoder as IDisposable)?.Dispose();
    }

    /// <summary>A saved autoencoder loaded into a new instance (with other random weights) reconstructs bit for bit the same.</summary>
    [Fact]
    public void SavingAndLoadingIsBitIdentical()
    {
        using var scope = NewDisposeScope();
        var saved = CreateSeeded(1);
        var loaded = CreateSeeded(2);
        var states = RepresentableStates(6, saved.LatentDim);
        TensorChecks.SaveAndLoad(saved, loaded);
        Assert.True(TensorChecks.SameValues(Reconstruct(saved, states), Reconstruct(loaded, states)), "reconstructions differ after save and load");
        (saved as IDisposable)?.Dispose();
        (loaded as IDisposable)?.Dispose();
    }

    /// <summary>
    /// A round trip on data the autoencoder can represent: a fitted one reconstructs <see cref="RepresentableStates"/>
    /// to <see cref="FittedTolerance"/>; a trainable one at least halves its reconstruction error on them within
    /// <see cref="TrainingSteps"/> Adam steps (a property of any working model and optimiser, not of one machine's numbers).
    /// </summary>
    [Fact]
    public void ItRoundTripsDataItCanRepresent()
    {
        using var scope = NewDisposeScope();
        var autoencoder = CreateSeeded(1, fit: false);
        var states = RepresentableStates(16, autoencoder.LatentDim);
        switch (autoencoder)
        {
            case IFittable fittable:
            {
                fittable.Fit(new FitData([states], []));
                double error = Reconstruct(autoencoder, states).sub(states).abs().max().item<double>();
                Assert.True(error <= FittedTolerance, $"fitted reconstruction error {error:E3} exceeds {FittedTolerance:E1}");
                break;
            }
            case ITrainable trainable:
            {
                double before = Reconstruct(autoencoder, states).sub(states).square().mean().item<double>();
                trainable.Module.train();
                using var optimizer = optim.Adam(trainable.Module.parameters(), lr: 1e-3);
                for (int step = 0; step < TrainingSteps; step++)
                {
                    using var stepScope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = autoencoder.Decode(autoencoder.Encode(states)).sub(states).square().mean();
                    loss.backward();
                    optimizer.step();
                }
                double after = Reconstruct(autoencoder, states).sub(states).square().mean().item<double>();
                Assert.True(after <= 0.5 * before, $"reconstruction MSE went from {before:E3} to {after:E3} in {TrainingSteps} steps: less than halved");
                break;
            }
            default:
                Assert.Fail($"{autoencoder.GetType().Name} is neither ITrainable nor IFittable: it cannot be trained or fitted");
                break;
        }
        (autoencoder as IDisposable)?.Dispose();
    }
}
