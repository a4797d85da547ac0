namespace Led.Core.Runs;

/// <summary>
/// A run's output folder, written atomically: everything goes into a hidden sibling <c>.NAME.incomplete-PID</c> and
/// is renamed to <c>NAME</c> only by <see cref="Commit"/>. A failed run is renamed to <c>NAME.failed</c> (log and error
/// kept, no results); an interrupted one leaves only the clearly named incomplete folder. Nothing at <c>NAME</c> is
/// ever half-written.
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

    public static RunFolder Create(string finalPath)
    {
        string final = System.IO.Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        string parent = System.IO.Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        string working = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(final)}.incomplete-{Environment.ProcessId}");
        if (Directory.Exists(working)) Directory.Delete(working, recursive: true);
        Directory.CreateDirectory(working);
        return new RunFolder(final, working);
    }

    /// <summary>Publishes the results, replacing an earlier run at the same place.</summary>
    public void Commit()
    {
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
