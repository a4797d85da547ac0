namespace Led.Cli.Tests;

/// <summary>
/// A fact that needs a private one-node Slurm cluster (<c>scripts/slurm-test-cluster.sh</c>): skipped, saying why, only
/// where one truly cannot be started — not Linux, not root (slurmd must run as root to start jobs), or Slurm missing
/// with no apt-get to install it. CI runs as root with apt-get, so it always runs there.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "the Slurm test cluster needs Linux (Debian's slurm-wlm)";
        else if (EffectiveUserId() != 0)
            Skip = "the Slurm test needs root: slurmd must run as root to start jobs (run the tests as root, as CI does, to submit a real job array)";
        else if (!OnPath("sbatch") && !OnPath("apt-get"))
            Skip = "Slurm (slurm-wlm) is not installed and apt-get is absent to install it";
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, name)));

    /// <summary>The effective uid, from <c>/proc/self/status</c> (<c>Uid: real effective saved fs</c>).</summary>
    private static long EffectiveUserId()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 3 } && long.TryParse(fields[2], out long uid) ? uid : -1;
    }
}
