using System.Diagnostics;

namespace Led.Testing;

/// <summary>
/// A fact that checks files with Python's h5py: skipped, saying how to install it, where <c>python3</c> with h5py is
/// absent (.ci/run installs Debian's python3-h5py, so CI always runs it).
/// </summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python)) return false;
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import h5py"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    });

    public H5pyFactAttribute()
    {
        if (!Available.Value) Skip = "python3 with h5py is absent: `apt-get install python3-h5py` (done by .ci/run) to check that Python reads our HDF5 files";
    }
}
