using System.Text.RegularExpressions;
using Led.Studies.Folders;

namespace Led.Studies.Slurm;

/// <summary>Carries out a <see cref="SlurmPlan"/>: writes its scripts, submits its jobs with <c>sbatch</c> and records them.</summary>
public static class SlurmSubmitter
{
    /// <summary>Writes every script of <paramref name="plan"/> (creating <c>slurm/</c>).</summary>
    public static void WriteScripts(SlurmPlan plan)
    {
        foreach (var job in plan.Jobs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(job.ScriptPath)!);
            File.WriteAllText(job.ScriptPath, job.Script);
        }
    }

    /// <summary>
    /// Submits the jobs in order, the array after the prepare job, recording each in <c>slurm/jobs.json</c> and telling
    /// <paramref name="submitted"/> as soon as it is queued; returns the job ids (prepare, array). Throws
    /// <see cref="InvalidOperationException"/> with sbatch's message when it fails.
    /// </summary>
    public static (string? Prepare, string Array) Submit(SlurmPlan plan, StudyFolder study, Action<SlurmJobRecord> submitted)
    {
        string? prepare = null;
        if (plan.Prepare is { } job)
        {
            prepare = Sbatch(job.SbatchArguments(null));
            var record = new SlurmJobRecord(prepare, SlurmJobKind.Prepare, job.Indices);
            SlurmJobLog.Record(study, record, job.ScriptPath);
            submitted(record);
        }
        string array = Sbatch(plan.Array.SbatchArguments(prepare));
        var arrayRecord = new SlurmJobRecord(array, SlurmJobKind.Array, plan.Array.Indices);
        SlurmJobLog.Record(study, arrayRecord, plan.Array.ScriptPath);
        submitted(arrayRecord);
        return (prepare, array);
    }

    private static string Sbatch(IReadOnlyList<string> args)
    {
        var (code, stdout, stderr) = SlurmTool.Run("sbatch", args, TimeSpan.FromMinutes(2));
        string id = stdout.Trim().Split(';')[0];
        if (code != 0 || !Regex.IsMatch(id, "^[0-9]+$"))
            throw new InvalidOperationException($"sbatch {string.Join(' ', args)} failed (exit code {code}): {(stderr + stdout).Trim()}");
        return id;
    }
}
