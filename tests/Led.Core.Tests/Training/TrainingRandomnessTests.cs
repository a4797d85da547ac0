using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

[Collection(nameof(TorchDefaultGenerator))]
public sealed class TrainingRandomnessTests
{
    private static double[] Draw(Generator? generator = null)
    {
        using var values = randn([6], ScalarType.Float64, generator: generator);
        return values.data<double>().ToArray();
    }

    [Fact]
    public void ARestoredStateDrawsWhatTheSavedOneWouldHave()
    {
        using var randomness = new TrainingRandomness(seed: 4, rows: 10, noise: true);
        int[] first = TensorData.Shuffled(10, randomness.Shuffle), second = TensorData.Shuffled(10, randomness.Shuffle);
        Draw(randomness.Noise);
        var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) randomness.Save(writer);
        var (global, noise, shuffle) = (Draw(), Draw(randomness.Noise), TensorData.Shuffled(10, randomness.Shuffle));
        Assert.NotEqual(first, second);

        // A new process: fresh generators, then the checkpoint after the two epochs that shuffled.
        Draw();
        using var resumed = new TrainingRandomness(seed: 4, rows: 10, noise: true);
        saved.Position = 0;
        using (var reader = new BinaryReader(saved)) resumed.Restore(reader, epochs: 2);
        Assert.Equal(global, Draw());
        Assert.Equal(noise, Draw(resumed.Noise));
        Assert.Equal(shuffle, TensorData.Shuffled(10, resumed.Shuffle));
    }

    [Fact]
    public void ACheckpointWithoutNoiseIsRefusedWhereNoiseIsDrawn()
    {
        using var without = new TrainingRandomness(seed: 4, rows: 10);
        var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) without.Save(writer);
        using var with = new TrainingRandomness(seed: 4, rows: 10, noise: true);
        saved.Position = 0;
        using var reader = new BinaryReader(saved);
        Assert.Equal("the checkpoint was written with another training.noise setting",
            Assert.Throws<InvalidDataException>(() => with.Restore(reader, epochs: 0)).Message);
    }
}
