using System.Reflection;

namespace Led.Core.Runs;

/// <summary>
/// The one-line cause of a failed run: wrappers (a parallel loop's <see cref="AggregateException"/>, a reflective
/// call's <see cref="TargetInvocationException"/>) are looked through and each distinct cause is named once; a full
/// disk is named as such, with the folder or file that was being written.
/// </summary>
public static class FailureMessage
{
    /// <summary>Free space below which an I/O error while writing counts as a full disk.</summary>
    public const long NearlyFullBytes = 1 << 20;

    /// <param name="exception">What stopped the run.</param>
    /// <param name="writingTo">The folder or file the run writes to, named when the disk is full.</param>
    public static string Of(Exception exception, string writingTo)
    {
        bool full = IsDiskFull(exception, writingTo);
        return string.Join("; ", Causes(exception).Select(c => full && IOErrors(c).Any()
            ? $"no space left on device: {writingTo} (free space there or write elsewhere with --out)"
            : $"{c.GetType().Name}: {c.Message}").Distinct());
    }

    /// <summary>
    /// Whether the disk ran full: an I/O error among the causes, with the system's "disk full" code (ENOSPC, or
    /// ERROR_DISK_FULL on Windows) or with less than <see cref="NearlyFullBytes"/> left where <paramref name="writingTo"/> lies
    /// (.NET reports a failed preallocation without the system's code).
    /// </summary>
    public static bool IsDiskFull(Exception exception, string writingTo)
    {
        var errors = Causes(exception).SelectMany(IOErrors).ToList();
        return errors.Count > 0 && (errors.Any(HasDiskFullCode) || FreeBytes(writingTo) < NearlyFullBytes);
    }

    /// <summary>The I/O errors in the chain of <paramref name="cause"/> and its inner exceptions.</summary>
    private static IEnumerable<IOException> IOErrors(Exception cause)
    {
        for (Exception? e = cause; e is not null; e = e.InnerException)
            if (e is IOException io) yield return io;
    }

    // ENOSPC (28) on Linux and macOS; ERROR_HANDLE_DISK_FULL (0x27) and ERROR_DISK_FULL (0x70) on Windows.
    private static bool HasDiskFullCode(IOException io) =>
        OperatingSystem.IsWindows() ? (io.HResult & 0xFFFF) is 0x27 or 0x70 : io.HResult == 28;

    /// <summary>Free bytes on the volume of <paramref name="path"/> (or of its nearest existing folder); null when unknown.</summary>
    private static long? FreeBytes(string path)
    {
        try
        {
            string? existing = Path.GetFullPath(path);
            while (existing is not null && !Directory.Exists(existing)) existing = Path.GetDirectoryName(existing);
            return existing is null ? null : new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<Exception> Causes(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Causes),
        TargetInvocationException { InnerException: { } inner } => Causes(inner),
        TypeInitializationException { InnerException: { } inner } => Causes(inner),
        _ => [exception],
    };
}
