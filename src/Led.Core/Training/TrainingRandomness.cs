using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// The random draws of a training loop, kept so that a training resumed from a checkpoint draws what an uninterrupted
/// one would: the managed generator that shuffles the <paramref name="rows"/> training rows once per epoch (a seeded
/// <see cref="Random"/> has no state to save, so a resumed one is seeded again and replays the shuffles of the epochs
/// done), the torch generator of the input noise or of a variational encoder's latent samples (when <paramref name="noise"/>) and torch's default generator
/// (dropout and other draws of the library).
/// </summary>
public sealed class TrainingRandomness(int seed, int rows, bool noise = false) : IDisposable
{
    /// <summary>Shuffles the training rows: one <see cref="TensorData.Shuffled"/> of all rows per epoch.</summary>
    public Random Shuffle { get; private set; } = new(seed);

    /// <summary>The noise generator, seeded by the run's seed, or null without noise.</summary>
    public Generator? Noise { get; } = noise ? new Generator((ulong)seed) : null;

    /// <summary>Writes the torch generators' states.</summary>
    public void Save(BinaryWriter writer)
    {
        using (var global = Generator.Default)
        using (var state = global.get_state())
            TensorBinary.Write(writer, state);
        writer.Write(Noise is not null);
        if (Noise is not null)
            using (var state = Noise.get_state())
                TensorBinary.Write(writer, state);
    }

    /// <summary>Restores the torch generators written by <see cref="Save"/> and replays the shuffles of <paramref name="epochs"/> epochs.</summary>
    public void Restore(BinaryReader reader, int epochs)
    {
        using (var global = Generator.Default)
        using (var state = TensorBinary.Read(reader))
            global.set_state(state);
        bool hasNoise = reader.ReadBoolean();
        if (hasNoise != Noise is not null) throw new InvalidDataException("the checkpoint was written with another training.noise setting");
        if (hasNoise)
            using (var state = TensorBinary.Read(reader))
                Noise!.set_state(state);
        Shuffle = new Random(seed);
        for (int i = 0; i < epochs; i++) TensorData.Shuffled(rows, Shuffle);
    }

    public void Dispose() => Noise?.Dispose();
}
