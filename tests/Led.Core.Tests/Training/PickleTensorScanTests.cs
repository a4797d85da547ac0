using System.IO.Compression;
using System.Text;
using Led.Core.Training;

namespace Led.Core.Tests.Training;

public sealed class PickleTensorScanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-pickle").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// A state dict {"w": tensor} as torch.save writes it (pickle protocol 2): a float64 storage of
    /// <paramref name="storageElements"/> declared elements holding <paramref name="bytes"/> bytes, viewed with the given size and stride.
    /// </summary>
    private string Archive(string name, long storageElements, long[] size, long[] stride, int bytes, byte[]? pickleOverride = null)
    {
        var pkl = new MemoryStream();
        void Op(params byte[] b) => pkl.Write(b);
        void Text(string s)
        {
            var b = Encoding.UTF8.GetBytes(s);
            Op((byte)'X');
            Op(BitConverter.GetBytes(b.Length));
            Op(b);
        }
        void Int(long v)
        {
            if (v is >= int.MinValue and <= int.MaxValue) { Op((byte)'J'); Op(BitConverter.GetBytes((int)v)); }
            else { Op(0x8a, 8); Op(BitConverter.GetBytes(v)); }
        }
        void Tuple(long[] values) { Op((byte)'('); foreach (var v in values) Int(v); Op((byte)'t'); }

        Op(0x80, 2, (byte)'}', (byte)'q', 0, (byte)'(');
        Text("w");
        Op(Encoding.ASCII.GetBytes("ctorch._utils\n_rebuild_tensor_v2\n"));
        Op((byte)'q', 1, (byte)'(', (byte)'(');
        Text("storage");
        Op(Encoding.ASCII.GetBytes("ctorch\nDoubleStorage\n"));
        Op((byte)'q', 2);
        Text("0");
        Text("cpu");
        Int(storageElements);
        Op((byte)'t', (byte)'q', 3, (byte)'Q', (byte)'K', 0);
        Tuple(size);
        Tuple(stride);
        Op(0x89);
        Op(Encoding.ASCII.GetBytes("ccollections\nOrderedDict\n"));
        Op((byte)')', (byte)'R', (byte)'t', (byte)'R', (byte)'u', (byte)'.');

        string path = Path.Combine(_dir, name + ".pt");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var s = zip.CreateEntry("archive/data.pkl").Open()) s.Write(pickleOverride ?? pkl.ToArray());
        using (var s = zip.CreateEntry("archive/data/0").Open()) s.Write(new byte[bytes]);
        using (var s = zip.CreateEntry("archive/version").Open()) s.Write("3\n"u8);
        return path;
    }

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
