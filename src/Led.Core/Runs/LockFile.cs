namespace Led.Core.Runs;

/// <summary>
/// A lock held as a file created atomically (<see cref="FileMode.CreateNew"/>: of two processes that try at once, one
/// succeeds) holding its <see cref="LockOwner"/>. A lock whose owner is stale (<see cref="LockOwner.IsStale"/>: its
/// process on this host has ended) is taken over: renamed aside, checked to be the stale one, removed, and created anew,
/// so two processes taking over the same stale lock cannot both win. Disposing releases the lock.
/// </summary>
public sealed class LockFile : IDisposable
{
    private readonly string _path;
    private bool _released;

    private LockFile(string path) => _path = path;

    public string Path => _path;

    /// <summary>
    /// Takes the lock at <paramref name="path"/>, or returns null and its live holder in <paramref name="holder"/>.
    /// <paramref name="onTakeOver"/> hears of a stale lock that was taken over (for the log).
    /// </summary>
    public static LockFile? TryAcquire(string path, out LockOwner? holder, Action<LockOwner>? onTakeOver = null, TimeSpan? maximumAge = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (TryCreate(path))
            {
                holder = null;
                return new LockFile(path);
            }
            string? text = ReadText(path);
            if (text is null) continue;                                   // released meanwhile: try again
            holder = LockOwner.Parse(text);
            if (holder is null || !holder.IsStale(maximumAge)) return null; // held (or still being written)
            string aside = $"{path}.stale-{Environment.ProcessId}";
            try
            {
                File.Move(path, aside, overwrite: true);
            }
            catch (IOException)
            {
                continue;                                                 // another process moved it first
            }
            if (ReadText(aside) != text)
            {
                // Another process took the stale lock over between our read and our move: give its lock back.
                try { File.Move(aside, path); } catch (IOException) { File.Delete(aside); }
                continue;
            }
            File.Delete(aside);
            onTakeOver?.Invoke(holder);
        }
        holder = LockOwner.Parse(ReadText(path) ?? "");
        return null;
    }

    /// <summary>The holder of the lock at <paramref name="path"/> when it is held by a live process, else null.</summary>
    public static LockOwner? LiveHolder(string path, TimeSpan? maximumAge = null) =>
        ReadText(path) is { } text && LockOwner.Parse(text) is { } owner && !owner.IsStale(maximumAge) ? owner : null;

    private static bool TryCreate(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(LockOwner.Current.ToJson());
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock (removes the file) if this process still holds it.</summary>
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        if (LockOwner.Parse(ReadText(_path) ?? "") is { } owner && owner.Pid == Environment.ProcessId && owner.Host == Environment.MachineName)
            File.Delete(_path);
    }
}
