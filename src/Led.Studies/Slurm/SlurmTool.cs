using System.Diagnostics;

namespace Led.Studies.Slurm;

/// <summary>Runs a Slurm command-line tool (<c>sbatch</c>, <c>squeue</c>, <c>scontrol</c>).</summary>
public static class SlurmTool
{
    /// <summary>Runs <paramref name="name"/> with <paramref name="args"/>; exit code 127 when it is not installed, 124 when it did not answer in time.</summary>
    public static (int Code, string Out, string Error) Run(string name, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, "", $"{name}: not found on PATH");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (124, "", $"{name} did not answer in {timeout.TotalSeconds:F0} s");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
