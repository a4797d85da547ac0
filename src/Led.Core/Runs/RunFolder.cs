namespace Led.Core.Runs;

/// <summary>
/// A run's output folder, written atomically: everything goes into a hidden sibling <c>.NAME.incomplete-PID</c> and
/// is renamed to <c>NAME</c> only by <see cref="Commit"/>. A failed run is renamed to <c>NAME.failed</c> (log and error
/// kept, no results); an interrupted one leaves only the clearly named incomplete folder. Nothing at <c>NAME</c> is
/// ever half-written. The incomplete folder names its writer (<see cref="OwnerFile"/>): one left by a process that no
/// longer runs is removed by the next run, or taken over by <c>--resume</c> (<see cref="InterruptedRun"/>).
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string final, string working)
    {
        FinalPath = final;
        Path = working;
    }

    /// <summary>Where results appear after a successful commit.</summary>
    public string FinalPath { get; }

    /// <summary>Where the run writes while it runs.</summary>
    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The incomplete folders left at <paramref name="finalPath"/> by processes that no longer run (this host), which <see cref="Create"/> removes.</summary>
    public IReadOnlyList<string> RemovedStale { get; private init; } = [];

    /// <summary>The interrupted run's folder this one continues (<see cref="Resume"/>), or null.</summary>
    public string? ResumedFrom { get; private init; }

    /// <summary>The file in an incomplete folder naming the process that writes it (<see cref="LockOwner"/>); removed before publishing.</summary>
    public const string OwnerFile = ".owner";

    /// <summary>A new incomplete folder for <paramref name="finalPath"/>; incomplete folders of processes that no longer run are removed.</summary>
    public static RunFolder Create(string finalPath)
    {
        var (final, working) = Paths(finalPath);
        var removed = RemoveStale(final, working);
        Directory.CreateDirectory(working);
        System.IO.File.WriteAllText(System.IO.Path.Combine(working, OwnerFile), LockOwner.Current.ToJson());
        return new RunFolder(final, working) { RemovedStale = removed };
    }

    /// <summary>Removes the incomplete folders of <paramref name="final"/> whose process no longer runs, and this process's own leftover.</summary>
    private static List<string> RemoveStale(string final, string working)
    {
        var removed = new List<string>();
        foreach (var stale in Incomplete(final).Where(f => f.Owner is { } owner && owner.IsStale()).Select(f => f.Path).Where(p => p != working))
        {
            Directory.Delete(stale, recursive: true);
            removed.Add(stale);
        }
        if (Directory.Exists(working)) Directory.Delete(working, recursive: true);
        return removed;
    }

    /// <summary>
    /// Takes over the interrupted run's folder <paramref name="interrupted"/> (see <see cref="InterruptedRun"/>) as this
    /// process's incomplete folder; the other incomplete folders of processes that no longer run are removed.
    /// </summary>
    public static RunFolder Resume(string finalPath, string interrupted)
    {
        var (final, working) = Paths(finalPath);
        string taken = working + ".resuming";
        Directory.Move(interrupted, taken);
        var removed = RemoveStale(final, working);
        Directory.Move(taken, working);
        System.IO.File.Delete(System.IO.Path.Combine(working, "error.txt"));
        System.IO.File.WriteAllText(System.IO.Path.Combine(working, OwnerFile), LockOwner.Current.ToJson());
        return new RunFolder(final, working) { ResumedFrom = interrupted, RemovedStale = removed };
    }

    /// <summary>
    /// The incomplete folders <c>.NAME.incomplete-PID</c> of <paramref name="finalPath"/> with the process that writes each:
    /// from its owner file, or (written by an earlier version, without one) the PID of its name on this host.
    /// </summary>
    public static IReadOnlyList<(string Path, LockOwner? Owner)> Incomplete(string finalPath)
    {
        string final = System.IO.Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        string parent = System.IO.Path.GetDirectoryName(final)!;
        string prefix = $".{System.IO.Path.GetFileName(final)}.incomplete-";
        if (!Directory.Exists(parent)) return [];
        return Directory.EnumerateDirectories(parent, prefix + "*")
            .Where(d => int.TryParse(System.IO.Path.GetFileName(d)[prefix.Length..], out _))
            .Select(d => (d, Owner(d, int.Parse(System.IO.Path.GetFileName(d)[prefix.Length..]))))
            .OrderBy(f => f.d, StringComparer.Ordinal)
            .ToList();
    }

    private static LockOwner? Owner(string folder, int pid)
    {
        string file = System.IO.Path.Combine(folder, OwnerFile);
        if (System.IO.File.Exists(file)) return LockOwner.Parse(System.IO.File.ReadAllText(file));
        // An earlier version's folder: its process is the PID in its name, on this host, started at the latest when the folder was.
        return new LockOwner(pid, Environment.MachineName, Directory.GetCreationTimeUtc(folder));
    }

    private static (string Final, string Working) Paths(string finalPath)
    {
        string final = System.IO.Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        string parent = System.IO.Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        return (final, System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(final)}.incomplete-{Environment.ProcessId}"));
    }

    /// <summary>Publishes the results, replacing an earlier run at the same place.</summary>
    public void Commit()
    {
        System.IO.File.Delete(File(OwnerFile));
        string? old = null;
        if (Directory.Exists(FinalPath))
        {
            old = FinalPath + $".replaced-{Environment.ProcessId}";
            Directory.Move(FinalPath, old);
        }
        Directory.Move(Path, FinalPath);
        if (old is not null) Directory.Delete(old, recursive: true);
        string failed = FinalPath + ".failed";
        if (Directory.Exists(failed)) Directory.Delete(failed, recursive: true);
    }

    /// <summary>
    /// Keeps the log (with <paramref name="logEntry"/> appended) and the error for inspection under <c>NAME.failed</c>;
    /// returns that path. With <paramref name="discardResults"/> (e.g. the disk is full) everything but the log is
    /// removed first. When even that cannot be written, the folder is removed and null returned: no hidden incomplete
    /// folder is ever left behind by a failure.
    /// </summary>
    public string? Fail(string error, string? logEntry = null, bool discardResults = false)
    {
        try
        {
            System.IO.File.Delete(File(OwnerFile));
            if (discardResults)
            {
                foreach (var file in Directory.GetFiles(Path).Where(f => System.IO.Path.GetFileName(f) != "log.txt")) System.IO.File.Delete(file);
                foreach (var directory in Directory.GetDirectories(Path)) Directory.Delete(directory, recursive: true);
            }
            if (logEntry is not null) System.IO.File.AppendAllText(File("log.txt"), logEntry);
            System.IO.File.WriteAllText(File("error.txt"), error + Environment.NewLine);
            string failed = FinalPath + ".failed";
            if (Directory.Exists(failed)) Directory.Delete(failed, recursive: true);
            Directory.Move(Path, failed);
            return failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
            return null;
        }
    }

    /// <summary>Writes a file inside the run folder through a temporary name and a rename.</summary>
    public void WriteAtomically(string name, Action<string> write)
    {
        string target = File(name);
        string temp = target + ".tmp";
        write(temp);
        System.IO.File.Move(temp, target, overwrite: true);
    }
}
