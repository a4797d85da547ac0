using System.Globalization;
using System.Text.RegularExpressions;
using Led.Studies.Folders;

namespace Led.Studies.Slurm;

/// <summary>
/// Task states from Slurm's queue: <c>squeue --states=all</c>, else <c>scontrol show job</c>; no accounting database
/// (<c>sacct</c>) is needed. Array tasks by index; a plain job (the prepare job) at index −1.
/// </summary>
public static partial class SlurmQueue
{
    /// <summary>
    /// The state of each task of <paramref name="jobId"/>. Null with a note when neither tool knows the job (no Slurm here,
    /// or the job left the controller's memory after MinJobAge).
    /// </summary>
    public static Dictionary<int, SlurmState>? States(string jobId, out string? note)
    {
        note = null;
        var (code, stdout, stderr) = SlurmTool.Run("squeue", ["--states=all", "-h", "-j", jobId, "-o", "%i %T"], TimeSpan.FromSeconds(20));
        if (code == 0 && ParseSqueue(stdout) is { Count: > 0 } fromQueue) return fromQueue;
        var (code2, stdout2, stderr2) = SlurmTool.Run("scontrol", ["-o", "show", "job", jobId], TimeSpan.FromSeconds(20));
        if (code2 == 0 && ParseScontrol(jobId, stdout2) is { Count: > 0 } fromControl) return fromControl;
        note = code == 127 && code2 == 127
            ? "squeue and scontrol are not on PATH: states come from the results on disk only"
            : $"Slurm no longer knows job {jobId} ({(stderr + stderr2).Trim().Split('\n')[0]}): states come from the results on disk";
        return null;
    }

    /// <summary>Indices of runs that a recorded job of <paramref name="study"/> still has queued or running.</summary>
    public static HashSet<int> ActiveTasks(StudyFolder study)
    {
        var active = new HashSet<int>();
        foreach (var job in SlurmJobLog.Read(study))
            if (States(job.Job, out _) is { } states)
                active.UnionWith(job.Indices.Where(i => states.TryGetValue(i, out var s) && SlurmStates.IsActive(s)));
        return active;
    }

    /// <summary>Lines of <c>squeue -o "%i %T"</c>: <c>123_4 RUNNING</c>, <c>123_[5-7%2] PENDING</c>, <c>124 COMPLETED</c>.</summary>
    public static Dictionary<int, SlurmState> ParseSqueue(string output)
    {
        var states = new Dictionary<int, SlurmState>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2) AddTasks(states, parts[0], SlurmStates.Parse(parts[1]));
        }
        return states;
    }

    /// <summary>Lines of <c>scontrol -o show job</c>, one per task: <c>JobState=</c> and, for array tasks, <c>ArrayTaskId=</c>.</summary>
    public static Dictionary<int, SlurmState> ParseScontrol(string jobId, string output)
    {
        var states = new Dictionary<int, SlurmState>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var state = JobStateField().Match(line);
            if (!state.Success) continue;
            var task = ArrayTaskField().Match(line);
            AddTasks(states, task.Success ? $"{jobId}_{task.Groups[1].Value}" : jobId, SlurmStates.Parse(state.Groups[1].Value));
        }
        return states;
    }

    private static void AddTasks(Dictionary<int, SlurmState> states, string id, SlurmState state)
    {
        int underscore = id.IndexOf('_');
        if (underscore < 0)
        {
            states[-1] = state;
            return;
        }
        string tasks = id[(underscore + 1)..].Trim('[', ']');
        int percent = tasks.IndexOf('%');
        if (percent >= 0) tasks = tasks[..percent];
        foreach (var part in tasks.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)) continue;
            int last = bounds.Length > 1 && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out int l) ? l : first;
            for (int i = first; i <= last; i++) states[i] = state;
        }
    }

    [GeneratedRegex(@"\bJobState=(\S+)")]
    private static partial Regex JobStateField();

    [GeneratedRegex(@"\bArrayTaskId=(\S+)")]
    private static partial Regex ArrayTaskField();
}
