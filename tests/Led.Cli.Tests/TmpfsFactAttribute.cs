namespace Led.Cli.Tests;

/// <summary>
/// A fact that mounts a tiny tmpfs to fill: skipped, saying why, where that cannot be done — not Linux, or not root
/// (mounting needs root). CI runs as root on Linux, so it always runs there.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "filling a disk needs a tmpfs mount (Linux)";
        else if (Environment.UserName != "root")
            Skip = "filling a disk needs a tmpfs mount, which needs root (run the tests as root, as CI does)";
    }
}
