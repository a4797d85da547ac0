using System.IO.Compression;

namespace Led.Core.Training;

/// <summary>
/// Reads a zip entry into memory through a cap on its uncompressed size: an entry whose header declares more is refused
/// before reading, and one that inflates beyond the cap whatever its header says is refused as soon as it passes it, so
/// memory never grows past the cap.
/// </summary>
public static class ArchiveEntryReader
{
    /// <summary>The entry's bytes; throws <see cref="InvalidDataException"/> naming <paramref name="path"/> when it unpacks to more than <paramref name="maximumBytes"/>.</summary>
    public static byte[] ReadAll(ZipArchiveEntry entry, string path, long maximumBytes)
    {
        if (entry.Length > maximumBytes) throw TooLarge(entry, path, $"{entry.Length} bytes, more than the {maximumBytes} accepted");
        var buffer = new byte[entry.Length];
        int filled = 0;
        using var stream = entry.Open();
        while (true)
        {
            if (filled == buffer.Length)
            {
                // Declared length reached: anything more is an entry that lies about its size.
                int extra = stream.ReadByte();
                if (extra < 0) return buffer;
                if (buffer.Length >= maximumBytes) throw TooLarge(entry, path, $"more than the {maximumBytes} bytes accepted (its header declares {entry.Length})");
                Array.Resize(ref buffer, (int)Math.Min(maximumBytes, Math.Max(4096, 2L * buffer.Length)));
                buffer[filled++] = (byte)extra;
                continue;
            }
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) return filled == buffer.Length ? buffer : buffer[..filled];
            filled += read;
        }
    }

    private static InvalidDataException TooLarge(ZipArchiveEntry entry, string path, string size) =>
        new($"{path}: entry {entry.FullName} unpacks to {size}: the file is damaged or hostile (a zip bomb); save the weights again with torch.save");
}
