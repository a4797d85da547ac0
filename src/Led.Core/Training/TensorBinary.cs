using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// Writes a tensor exactly (dtype, shape, raw bytes of a contiguous CPU copy) and reads it back; what checkpoints are
/// made of.
/// </summary>
public static class TensorBinary
{
    public static void Write(BinaryWriter writer, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        writer.Write((int)cpu.dtype);
        writer.Write(cpu.shape.Length);
        foreach (long size in cpu.shape) writer.Write(size);
        var bytes = cpu.bytes;
        writer.Write((long)bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>A new CPU tensor read from <paramref name="reader"/>.</summary>
    public static Tensor Read(BinaryReader reader)
    {
        var dtype = (ScalarType)reader.ReadInt32();
        int rank = reader.ReadInt32();
        if (rank is < 0 or > 64) throw new InvalidDataException($"a tensor of rank {rank}");
        var shape = new long[rank];
        for (int i = 0; i < rank; i++) shape[i] = reader.ReadInt64();
        long length = reader.ReadInt64();
        var result = empty(shape, dtype);
        if (length != result.bytes.Length)
        {
            result.Dispose();
            throw new InvalidDataException($"a tensor of shape [{string.Join(", ", shape)}] holds {length} bytes");
        }
        result.bytes = reader.ReadBytes((int)length);
        return result;
    }

    /// <summary>Reads a tensor written by <see cref="Write"/> into <paramref name="target"/> (same shape), keeping its dtype and device.</summary>
    public static void ReadInto(BinaryReader reader, Tensor target, string name)
    {
        using var value = Read(reader);
        if (!value.shape.SequenceEqual(target.shape) || value.dtype != target.dtype)
            throw new InvalidDataException($"{name}: [{string.Join(", ", value.shape)}] {value.dtype} saved, [{string.Join(", ", target.shape)}] {target.dtype} expected");
        using var noGrad = no_grad();
        target.copy_(value);
    }
}
