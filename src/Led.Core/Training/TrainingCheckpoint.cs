using System.Diagnostics;
using System.Text;

namespace Led.Core.Training;

/// <summary>
/// One training stage's checkpoint file and when to write it: after an epoch once <paramref name="everyEpochs"/> epochs
/// and <paramref name="minMinutes"/> minutes have passed since the last one (0 epochs: never), and when the stage ends.
/// A checkpoint is written to a temporary file, flushed to disk and renamed over the previous one, so a process killed
/// at any moment leaves the previous checkpoint or the new one, never a mix.
/// </summary>
public sealed class TrainingCheckpoint(string path, int everyEpochs, double minMinutes)
{
    private const string Magic = "LED training checkpoint 1";
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private int _epochsSinceLast;

    public string Path => path;

    public bool Exists => File.Exists(path);

    /// <summary>Whether checkpoints are written at all (<c>training.checkpointEpochs</c> &gt; 0).</summary>
    public bool Enabled => everyEpochs > 0;

    /// <summary>Counts an epoch; true when a checkpoint is due after it.</summary>
    public bool Due()
    {
        _epochsSinceLast++;
        return Enabled && _epochsSinceLast >= everyEpochs && _sinceLast.Elapsed.TotalMinutes >= minMinutes;
    }

    /// <summary>Writes the checkpoint atomically: temporary file, fsync, rename.</summary>
    public void Write(Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        string temp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    write(writer);
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        _epochsSinceLast = 0;
        _sinceLast.Restart();
    }

    /// <summary>Reads the checkpoint; a file that is not one, or ends early, gives an <see cref="InvalidDataException"/> with the fix.</summary>
    public T Read<T>(Func<BinaryReader, T> read)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic) throw new InvalidDataException("not a training checkpoint");
            return read(reader);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or ArgumentException)
        {
            throw new InvalidDataException($"checkpoint {path} cannot be read ({ex.Message}): run without --resume to train afresh", ex);
        }
    }
}
