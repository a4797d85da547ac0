using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Led.Abstractions.Learning;
using Led.Core.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class PyTorchImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-import").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Weights : nn.Module, ITrainable
    {
        public Weights() : base("weights")
        {
            w = new Parameter(zeros(2, 3, dtype: ScalarType.Float64));
            RegisterComponents();
        }

#pragma warning disable IDE1006 // the state dict's name
        private readonly Parameter w;
#pragma warning restore IDE1006

        public nn.Module Module => this;

        public double[] Values => w.data<double>().ToArray();
    }

    private string Archive(string name, double[] values) =>
        StateDictArchive.Write(Path.Combine(_dir, name + ".pt"), 6, [2, 3], [3, 1], values.SelectMany(BitConverter.GetBytes).ToArray());

    [Fact]
    public void FiniteWeightsAreImported()
    {
        using var weights = new Weights();
        Assert.Equal(1, PyTorchImport.Import(Archive("ok", [1, 2, 3, 4, 5, 6]), [weights]));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], weights.Values);
    }

    [Fact]
    public void NonFiniteWeightsAreRefusedAndNothingIsLoaded()
    {
        using var weights = new Weights();
        string path = Archive("nan", [1, 2, double.NaN, 4, 5, 6]);
        var error = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(path, [weights]));
        Assert.Contains("Weights.w: 'w' holds non-finite values (NaN or ±∞): the model diverged when it was trained; export a model that trained well", error.Message);
        Assert.Equal(new double[6], weights.Values);
    }

    [Fact]
    public void APickleHoldingCodeIsRefusedAsNotTensors()
    {
        // {"w": os.system("echo hi")}
        byte[] pickle = [0x80, 2, (byte)'}', (byte)'(', .. StateDictArchive.Text("w"), .. Encoding.ASCII.GetBytes("cos\nsystem\n"),
            (byte)'(', .. StateDictArchive.Text("echo hi"), (byte)'t', (byte)'R', (byte)'u', (byte)'.'];
        string path = StateDictArchive.Write(Path.Combine(_dir, "code.pt"), 6, [2, 3], [3, 1], new byte[48], pickle);
        using var weights = new Weights();
        var error = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(path, [weights]));
        Assert.Equal($"{path} holds code or objects that are not tensors (os.system): they are not loaded; save only the weights with torch.save(model.state_dict())", error.Message);
        Assert.DoesNotContain("IObjectConstructor", error.ToString().Split('\n')[0]);
    }

    /// <summary>
    /// A valid archive whose entry <paramref name="entry"/> is replaced by <paramref name="bytes"/> zeros (they deflate
    /// about a thousandfold); with <paramref name="declaredBytes"/> its headers claim that size instead.
    /// </summary>
    private string Bomb(string name, string entry, long bytes, uint? declaredBytes = null)
    {
        string path = Archive(name, [1, 2, 3, 4, 5, 6]);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry(entry)!.Delete();
            using var stream = zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < bytes; written += zeros.Length) stream.Write(zeros, 0, (int)Math.Min(zeros.Length, bytes - written));
        }
        if (declaredBytes is { } declared)
        {
            // Central directory record (signature PK\x01\x02): uncompressed size at 24, name length at 28, local header offset at 42, name at 46;
            // local header (PK\x03\x04): uncompressed size at 22.
            var file = File.ReadAllBytes(path);
            byte[] target = Encoding.ASCII.GetBytes(entry);
            for (int i = file.Length - 46; i >= 0; i--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(i)) != 0x02014b50) continue;
                int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(i + 28));
                if (!file.AsSpan(i + 46, nameLength).SequenceEqual(target)) continue;
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(i + 24), declared);
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan((int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(i + 42)) + 22), declared);
                break;
            }
            File.WriteAllBytes(path, file);
        }
        return path;
    }

    private static (string Message, long AllocatedBytes) Refusal(string path)
    {
        using var weights = new Weights();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(path, [weights]));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(new double[6], weights.Values);
        return (error.Message, allocated);
    }

    [Fact]
    public void AZipBombIsRefusedBeforeMemoryGrows()
    {
        // 256 MiB of pickle in a file of about 256 kB: refused from its header, before anything is inflated.
        var pickle = Refusal(Bomb("pickle", "archive/data.pkl", 256L << 20));
        Assert.Contains($"entry archive/data.pkl unpacks to {256L << 20} bytes, more than the {64L << 20} accepted: the file is damaged or hostile (a zip bomb)", pickle.Message);
        Assert.InRange(pickle.AllocatedBytes, 0, 16L << 20);

        // The same pickle whose headers claim 100 bytes: reading stops at 100 bytes (where zeros are no pickle).
        var lying = Refusal(Bomb("lying", "archive/data.pkl", 256L << 20, declaredBytes: 100));
        Assert.Contains("data.pkl uses pickle opcode 0x00, which torch.save does not write", lying.Message);
        Assert.InRange(lying.AllocatedBytes, 0, 16L << 20);

        // A storage of 6 doubles (48 bytes) whose entry unpacks to 256 MiB.
        var storage = Refusal(Bomb("storage", "archive/data/0", 256L << 20));
        Assert.Contains($"entry archive/data/0 unpacks to {256L << 20} bytes, more than the 48 its storage needs", storage.Message);
        Assert.InRange(storage.AllocatedBytes, 0, 16L << 20);

        // Any other entry (torch.save writes a version number there).
        var other = Refusal(Bomb("other", "archive/version", 256L << 20));
        Assert.Contains($"entry archive/version unpacks to {256L << 20} bytes, more than the {1L << 20} accepted for an entry that holds no tensor", other.Message);
    }
}
