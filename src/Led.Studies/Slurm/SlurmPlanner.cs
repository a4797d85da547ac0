namespace Led.Studies.Slurm;

/// <summary>
/// The Slurm submission of a study, computed without touching the file system or Slurm: <c>slurm/sweep.sh</c>, a job
/// array with one task per run (<c>led sweep run-one … --index $SLURM_ARRAY_TASK_ID</c>), and, when shared datasets or
/// autoencoders are to be made, <c>slurm/prepare.sh</c> (<c>led sweep prepare</c>), which the array waits for.
/// </summary>
public static class SlurmPlanner
{
    public static SlurmPlan Plan(SlurmStudy study, SlurmOptions options)
    {
        if (study.Runs.Count == 0) throw new ArgumentException("a submission has at least one run", nameof(study));
        var tail = new List<string>();
        foreach (var o in study.Overrides) tail.AddRange(["--set", o]);
        tail.AddRange(["--out", study.StudyRoot]);
        var common = new List<string> { $"--chdir={study.WorkingDirectory}", "--ntasks=1" };
        if (options.Partition is { } p) common.Add($"--partition={p}");
        if (options.Time is { } t) common.Add($"--time={t}");
        string name = "led-" + Path.GetFileName(study.StudyRoot);
        string shared = $"{study.SharedDatasets} shared dataset(s) and {study.SharedAutoencoders} shared autoencoder(s)";

        SlurmJob? prepare = null;
        if (study.SharedDatasets + study.SharedAutoencoders > 0)
        {
            string script = Path.Combine(study.SlurmDirectory, "prepare.sh");
            // Simulating a dataset uses one core; training an autoencoder uses the run's threads.
            int cpus = study.SharedAutoencoders > 0 ? options.CpusPerTask ?? study.Threads : 1;
            prepare = new SlurmJob(SlurmJobKind.Prepare, script, SlurmScripts.BatchScript(
                    [$"--job-name={name}-data", $"--output={Path.Combine(study.SlurmDirectory, "prepare-%j.out")}", .. common, $"--cpus-per-task={cpus}"],
                    [.. study.Led, "sweep", "prepare", study.ConfigPath, .. tail],
                    $"prepares the {shared} of {study.StudyRoot} before the runs start"),
                [], AfterPrepare: false);
        }

        var indices = study.Runs.Order().ToList();
        List<string> arrayOptions =
        [
            $"--job-name={name}", $"--array={SlurmScripts.ArrayRange(indices)}",
            $"--output={Path.Combine(study.SlurmDirectory, "run-%A_%a.out")}", .. common,
            $"--cpus-per-task={options.CpusPerTask ?? study.Threads}",
        ];
        if (options.GpusPerTask is { } g) arrayOptions.Add($"--gpus-per-task={g}");
        string arrayScript = Path.Combine(study.SlurmDirectory, "sweep.sh");
        var array = new SlurmJob(SlurmJobKind.Array, arrayScript, SlurmScripts.BatchScript(arrayOptions,
                [.. study.Led, "sweep", "run-one", study.ConfigPath, "--index", SlurmScripts.ArrayTaskId, .. tail],
                $"one array task per run of {study.StudyRoot}; the task id is the run's index in `led sweep plan`"),
            indices, AfterPrepare: prepare is not null);
        return new SlurmPlan(prepare, array, shared);
    }
}
