namespace Led.Core.Runs;

/// <summary>
/// Checks an output folder before any work: it must not be a file, must lie where folders can be created, and must not
/// hold earlier results unless replacing them was asked for (<c>--force</c>). Nothing is created by the check.
/// </summary>
public static class OutputPath
{
    /// <summary>The problem with writing a new folder at <paramref name="path"/> (named by <paramref name="option"/>), or null when there is none.</summary>
    public static string? CheckFolder(string option, string path, bool force)
    {
        if (FullPath(option, path, "folder", out string full) is { } unusable) return unusable;
        if (File.Exists(full)) return $"{option}: {full} is a file, not a folder: give a folder path";
        if (!force && HoldsResults(full))
            return $"{option}: {full} already holds results: give another folder, or add --force to replace them " +
                   "(the old folder is replaced only once the new one is complete)";
        return CheckWritable(option, full, "folder");
    }

    /// <summary>The problem with writing a file at <paramref name="path"/> (named by <paramref name="option"/>), or null; an existing file is replaced.</summary>
    public static string? CheckFile(string option, string path)
    {
        if (FullPath(option, path, "file", out string full) is { } unusable) return unusable;
        if (Directory.Exists(full)) return $"{option}: {full} is a folder, not a file: give a file path, e.g. {Path.Combine(full, "data.h5")}";
        return CheckWritable(option, full, "file");
    }

    private static string? FullPath(string option, string path, string kind, out string full)
    {
        full = "";
        try
        {
            full = Path.GetFullPath(path.TrimEnd('/', '\\'));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{option}: '{path}' is not a usable path ({ex.Message}): give a {kind} path";
        }
    }

    /// <summary>True when <paramref name="path"/> is a folder with something in it (results that <c>--force</c> replaces).</summary>
    public static bool HoldsResults(string path) => Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();

    private static string? CheckWritable(string option, string full, string kind)
    {
        string? ancestor = Path.GetDirectoryName(full);
        while (ancestor is not null && !Directory.Exists(ancestor))
        {
            if (File.Exists(ancestor)) return $"{option}: {full} cannot be created because {ancestor} is a file: give a {kind} path";
            ancestor = Path.GetDirectoryName(ancestor);
        }
        if (ancestor is null) return $"{option}: {full} cannot be created (no existing folder above it): give a {kind} path";
        string probe = Path.Combine(ancestor, $".led-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{option}: cannot write in {ancestor} ({ex.Message}): give a folder where you may write";
        }
    }
}
