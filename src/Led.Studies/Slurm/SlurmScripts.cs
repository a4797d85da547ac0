using System.Text;
using Led.Studies.Local;

namespace Led.Studies.Slurm;

/// <summary>The text of Slurm batch scripts and array ranges.</summary>
public static class SlurmScripts
{
    /// <summary>The placeholder of a command argument that the batch script replaces with the array task id.</summary>
    public const string ArrayTaskId = "$SLURM_ARRAY_TASK_ID";

    /// <summary>A batch script running <paramref name="command"/> with the given <c>#SBATCH</c> options.</summary>
    public static string BatchScript(IEnumerable<string> sbatchOptions, IReadOnlyList<string> command, string comment)
    {
        var text = new StringBuilder("#!/bin/bash\n");
        foreach (var option in sbatchOptions) text.Append("#SBATCH ").Append(option).Append('\n');
        text.Append("# ").Append(comment).Append('\n');
        text.Append("set -eu\n");
        text.Append("echo \"led sweep: job ${SLURM_JOB_ID:-?} task ${SLURM_ARRAY_TASK_ID:-none} on $(hostname) at $(date -Is)\"\n");
        text.Append("exec ").Append(string.Join(' ', command.Select(a => a == ArrayTaskId ? $"\"{ArrayTaskId}\"" : LedChildProcess.Quote(a)))).Append('\n');
        return text.ToString();
    }

    /// <summary>Array indices in Slurm's compact form, e.g. <c>0-3,5,7-9</c>.</summary>
    public static string ArrayRange(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }
}
