using System.IO.Compression;
using System.Text;

namespace Led.Core.Tests.Training;

/// <summary>Writes PyTorch archives by hand, as torch.save writes them, to test what the importer accepts.</summary>
public static class StateDictArchive
{
    /// <summary>
    /// A state dict {"w": tensor} (pickle protocol 2): a float64 storage of <paramref name="storageElements"/> declared
    /// elements holding <paramref name="data"/>, viewed with the given size and stride; or the pickle <paramref name="pickleOverride"/>.
    /// </summary>
    public static string Write(string path, long storageElements, long[] size, long[] stride, byte[] data, byte[]? pickleOverride = null)
    {
        var pkl = new MemoryStream();
        void Op(params byte[] b) => pkl.Write(b);
        void Int(long v)
        {
            if (v is >= int.MinValue and <= int.MaxValue) { Op((byte)'J'); Op(BitConverter.GetBytes((int)v)); }
            else { Op(0x8a, 8); Op(BitConverter.GetBytes(v)); }
        }
        void Tuple(long[] values) { Op((byte)'('); foreach (var v in values) Int(v); Op((byte)'t'); }

        Op(0x80, 2, (byte)'}', (byte)'q', 0, (byte)'(');
        Op(Text("w"));
        Op(Encoding.ASCII.GetBytes("ctorch._utils\n_rebuild_tensor_v2\n"));
        Op((byte)'q', 1, (byte)'(', (byte)'(');
        Op(Text("storage"));
        Op(Encoding.ASCII.GetBytes("ctorch\nDoubleStorage\n"));
        Op((byte)'q', 2);
        Op(Text("0"));
        Op(Text("cpu"));
        Int(storageElements);
        Op((byte)'t', (byte)'q', 3, (byte)'Q', (byte)'K', 0);
        Tuple(size);
        Tuple(stride);
        Op(0x89);
        Op(Encoding.ASCII.GetBytes("ccollections\nOrderedDict\n"));
        Op((byte)')', (byte)'R', (byte)'t', (byte)'R', (byte)'u', (byte)'.');

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var s = zip.CreateEntry("archive/data.pkl").Open()) s.Write(pickleOverride ?? pkl.ToArray());
        using (var s = zip.CreateEntry("archive/data/0").Open()) s.Write(data);
        using (var s = zip.CreateEntry("archive/version").Open()) s.Write("3\n"u8);
        return path;
    }

    /// <summary>The pickle opcode BINUNICODE for <paramref name="s"/>.</summary>
    public static byte[] Text(string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        return [(byte)'X', .. BitConverter.GetBytes(b.Length), .. b];
    }
}
