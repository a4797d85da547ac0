using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Led.Hosting.Sweeps;

namespace Led.Cli.Sweeps;

/// <summary>
/// Slurm job arrays for a study: batch scripts (one array task per run, <c>led sweep run-one … --index
/// $SLURM_ARRAY_TASK_ID</c>), submission with <c>sbatch</c>, and task states from <c>squeue</c> (or <c>scontrol</c>): no
/// accounting database (<c>sacct</c>) is needed. Submitted jobs are recorded in <c>slurm/jobs.json</c>.
/// </summary>
public static partial class SlurmBackend
{
    /// <summary>A batch script running <paramref name="command"/> with the given <c>#SBATCH</c> options.</summary>
    public static string BatchScript(IEnumerable<string> sbatchOptions, IReadOnlyList<string> command, string comment)
    {
        var text = new StringBuilder("#!/bin/bash\n");
        foreach (var option in sbatchOptions) text.Append("#SBATCH ").Append(option).Append('\n');
        text.Append("# ").Append(comment).Append('\n');
        text.Append("set -eu\n");
        text.Append("echo \"led sweep: job ${SLURM_JOB_ID:-?} task ${SLURM_ARRAY_TASK_ID:-none} on $(hostname) at $(date -Is)\"\n");
        text.Append("exec ").Append(string.Join(' ', command.Select(a => a == "$SLURM_ARRAY_TASK_ID" ? "\"$SLURM_ARRAY_TASK_ID\"" : LedChildProcess.Quote(a)))).Append('\n');
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

    /// <summary>Submits a script with <c>sbatch --parsable</c>; returns the job id, or throws with sbatch's message.</summary>
    public static string Submit(string script, string? dependsOn)
    {
        var args = new List<string> { "--parsable" };
        if (dependsOn is not null) args.Add($"--dependency=afterok:{dependsOn}");
        args.Add(script);
        var (code, stdout, stderr) = Tool("sbatch", args, TimeSpan.FromMinutes(2));
        string id = stdout.Trim().Split(';')[0];
        if (code != 0 || !Regex.IsMatch(id, "^[0-9]+$"))
            throw new InvalidOperationException($"sbatch {string.Join(' ', args)} failed (exit code {code}): {(stderr + stdout).Trim()}");
        return id;
    }

    /// <summary>Appends a submitted job to <c>slurm/jobs.json</c> and writes its id to <c>slurm/job-id</c> (array jobs).</summary>
    public static void Record(StudyFolder study, string jobId, string kind, IReadOnlyList<int> indices, string script)
    {
        string file = Path.Combine(study.SlurmDirectory, "jobs.json");
        var jobs = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))!.AsArray() : new JsonArray();
        jobs.Add(new JsonObject
        {
            ["job"] = jobId,
            ["kind"] = kind,
            ["indices"] = new JsonArray(indices.Select(i => (JsonNode)i).ToArray()),
            ["script"] = script,
            ["submitted"] = DateTimeOffset.UtcNow.ToString("O"),
        });
        File.WriteAllText(file + ".tmp", jobs.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(file + ".tmp", file, overwrite: true);
        if (kind == "array") File.WriteAllText(Path.Combine(study.SlurmDirectory, "job-id"), jobId + "\n");
    }

    /// <summary>The jobs submitted for a study, oldest first.</summary>
    public static IReadOnlyList<(string Job, string Kind, IReadOnlyList<int> Indices)> Jobs(StudyFolder study)
    {
        string file = Path.Combine(study.SlurmDirectory, "jobs.json");
        if (!File.Exists(file)) return [];
        return JsonNode.Parse(File.ReadAllText(file))!.AsArray()
            .Select(j => (j!["job"]!.GetValue<string>(), j["kind"]!.GetValue<string>(),
                (IReadOnlyList<int>)j["indices"]!.AsArray().Select(i => i!.GetValue<int>()).ToList()))
            .ToList();
    }

    /// <summary>
    /// Slurm's state of each task of an array job (index → e.g. PENDING, RUNNING, COMPLETED, FAILED) and of a plain job
    /// (index −1), from <c>squeue --states=all</c>, else <c>scontrol show job</c>. Null with a note when neither knows the
    /// job (no Slurm here, or the job left the controller's memory after MinJobAge).
    /// </summary>
    public static Dictionary<int, string>? States(string jobId, out string? note)
    {
        note = null;
        var states = new Dictionary<int, string>();
        var (code, stdout, stderr) = Tool("squeue", ["--states=all", "-h", "-j", jobId, "-o", "%i %T"], TimeSpan.FromSeconds(20));
        if (code == 0)
        {
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2) AddTasks(states, parts[0], parts[1]);
            }
            if (states.Count > 0) return states;
        }
        var (code2, stdout2, stderr2) = Tool("scontrol", ["-o", "show", "job", jobId], TimeSpan.FromSeconds(20));
        if (code2 == 0)
        {
            foreach (var line in stdout2.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var state = JobStateField().Match(line);
                if (!state.Success) continue;
                var task = ArrayTaskField().Match(line);
                AddTasks(states, task.Success ? $"{jobId}_{task.Groups[1].Value}" : jobId, state.Groups[1].Value);
            }
            if (states.Count > 0) return states;
        }
        note = code == 127 && code2 == 127
            ? "squeue and scontrol are not on PATH: states come from the results on disk only"
            : $"Slurm no longer knows job {jobId} ({(stderr + stderr2).Trim().Split('\n')[0]}): states come from the results on disk";
        return null;
    }

    private static void AddTasks(Dictionary<int, string> states, string id, string state)
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

    /// <summary>Runs a Slurm tool; exit code 127 when it is not installed.</summary>
    private static (int Code, string Out, string Error) Tool(string name, IReadOnlyList<string> args, TimeSpan timeout)
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

    [GeneratedRegex(@"\bJobState=(\S+)")]
    private static partial Regex JobStateField();

    [GeneratedRegex(@"\bArrayTaskId=(\S+)")]
    private static partial Regex ArrayTaskField();
}
