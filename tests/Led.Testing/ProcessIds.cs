using System.Diagnostics;

namespace Led.Testing;

/// <summary>Processes for tests of locks and stale folders: the id of one that has ended, and one that runs until killed.</summary>
public static class ProcessIds
{
    /// <summary>The id of a process that ran and has ended (a lock it held is stale).</summary>
    public static int Ended()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>A process that sleeps until the caller kills it (a live holder).</summary>
    public static Process Sleeper() => Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
}
