using Led.Abstractions.Learning;
using Led.Core.Data;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public class LedModelTests
{
    private sealed class CountingAutoencoder : IAutoencoder, IDisposable
    {
        public int Disposals { get; private set; }

        public int LatentDim => 1;

        public Tensor Encode(Tensor states) => states.reshape(states.shape[0], 1);

        public Tensor Decode(Tensor latents) => latents.reshape(latents.shape[0], 1, 1);

        public void Dispose() => Disposals++;
    }

    private sealed class CountingPropagator : ILatentPropagator, IDisposable
    {
        public int Disposals { get; private set; }

        public PropagatorState Start(int batchSize) => throw new NotSupportedException("not run in these tests");

        public Tensor Forward(PropagatorState state, Tensor latents) => latents.alias();

        public void Dispose() => Disposals++;
    }

    private sealed class PlainPropagator : ILatentPropagator
    {
        public PropagatorState Start(int batchSize) => throw new NotSupportedException("not run in these tests");

        public Tensor Forward(PropagatorState state, Tensor latents) => latents.alias();
    }

    private static readonly MinMaxScaler Scaler = new([0.0], [1.0]);

    [Fact]
    public void DisposingTheModelDisposesBothComponents()
    {
        var (autoencoder, propagator) = (new CountingAutoencoder(), new CountingPropagator());

        new LedModel(autoencoder, propagator, Scaler, null).Dispose();

        Assert.Equal(1, autoencoder.Disposals);
        Assert.Equal(1, propagator.Disposals);
    }

    [Fact]
    public void AComponentThatOwnsNothingNativeNeedNotBeDisposable()
    {
        var autoencoder = new CountingAutoencoder();

        new LedModel(autoencoder, new PlainPropagator(), Scaler, null).Dispose();

        Assert.Equal(1, autoencoder.Disposals);
    }

    [Fact]
    public void ALoadThatFailsDisposesTheComponentsItWasGiven()
    {
        var (autoencoder, propagator) = (new CountingAutoencoder(), new CountingPropagator());
        string empty = Directory.CreateTempSubdirectory("led-model").FullName;
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => LedModel.Load(empty, autoencoder, propagator));

            Assert.Contains("scalers.json missing", error.Message);
            Assert.Equal(1, autoencoder.Disposals);
            Assert.Equal(1, propagator.Disposals);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
