using System.IO.Compression;
using Led.Core.Training;

namespace Led.Core.Tests.Training;

public sealed class PickleTensorScanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-pickle").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Archive(string name, long storageElements, long[] size, long[] stride, int bytes, byte[]? pickleOverride = null) =>
        StateDictArchive.Write(Path.Combine(_dir, name + ".pt"), storageElements, size, stride, new byte[bytes], pickleOverride);

    private static IReadOnlyList<TensorDeclaration> Check(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return PickleTensorScan.Check(zip, path, PyTorchImport.MaximumBytes);
    }

    [Fact]
    public void AWellFormedStateDictDeclaresItsTensors()
    {
        var tensors = Check(Archive("ok", 6, [2, 3], [3, 1], 48));
        var t = Assert.Single(tensors);
        Assert.Equal(("0", "DoubleStorage", 6L, 0L), (t.Key, t.StorageType, t.StorageElements, t.Offset));
        Assert.Equal([2L, 3L], t.Size);
        Assert.Equal([3L, 1L], t.Stride);
    }

    [Fact]
    public void HostileSizesAreRefusedBeforeAnythingIsAllocated()
    {
        // 10⁵ × 10⁵ doubles (80 GB) declared over a 48-byte storage: the unpickler would allocate the tensor first.
        var huge = Archive("huge", 6, [100_000, 100_000], [100_000, 1], 48);
        Assert.Contains("does not fit in storage '0' (6 elements)", Assert.Throws<InvalidDataException>(() => Check(huge)).Message);
        Assert.Contains("does not fit in storage", Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(huge, [])).Message);

        var storage = Archive("storage", 1_000_000_000_000, [2, 3], [3, 1], 48);
        Assert.Contains("declares 1000000000000 elements of 8 bytes but holds 48 bytes", Assert.Throws<InvalidDataException>(() => Check(storage)).Message);

        var overflow = Archive("overflow", 6, [1L << 40, 1L << 40], [0, 0], 48);
        Assert.Contains("beyond any memory", Assert.Throws<InvalidDataException>(() => Check(overflow)).Message);

        var negative = Archive("negative", 6, [-2, 3], [3, 1], 48);
        Assert.Contains("negative size or stride", Assert.Throws<InvalidDataException>(() => Check(negative)).Message);
    }

    [Fact]
    public void PicklesBeyondWhatTorchSaveWritesAreRefused()
    {
        // Opcode 'i' (INST) builds arbitrary objects; torch.save never writes it.
        var inst = Archive("inst", 6, [2, 3], [3, 1], 48, [0x80, 2, (byte)'i', (byte)'o', (byte)'s', (byte)'\n', (byte)'s', (byte)'y', (byte)'s', (byte)'\n', (byte)'.']);
        Assert.Contains("uses pickle opcode 0x69", Assert.Throws<InvalidDataException>(() => Check(inst)).Message);
        var truncated = Archive("truncated", 6, [2, 3], [3, 1], 48, [0x80, 2, (byte)'X', 255, 255, 0, 0]);
        Assert.Contains("ends early", Assert.Throws<InvalidDataException>(() => Check(truncated)).Message);
    }
}
