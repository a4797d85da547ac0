using Led.Studies.Local;

namespace Led.Studies.Slurm;

/// <summary>
/// <c>led sweep submit --slurm</c>: the runs still to do (not completed, queued or running; failed ones when retried)
/// planned as a Slurm submission, its scripts written, and submitted (or printed for a dry run).
/// </summary>
public sealed class SlurmStudySubmission(SweepSession session, TextWriter output, TextWriter error)
{
    /// <summary>True when the runs were submitted (or there was nothing to submit, or it was a dry run).</summary>
    public bool Submit(SlurmOptions options, bool retryFailed, bool dryRun)
    {
        var study = session.Study;
        var todo = RunsToDo.Select(session.Plan.Runs, r => study.Status(r.Id).State, SlurmQueue.ActiveTasks(study), retryFailed);
        if (todo.Count == 0)
        {
            output.WriteLine($"nothing to submit: every run of {study.Root} is completed, queued, running" +
                             (retryFailed ? "" : " or failed (resubmit failed runs with --retry-failed)"));
            return true;
        }
        var plan = SlurmPlanner.Plan(new SlurmStudy(session.ConfigPath, session.Overrides, study.Root, Environment.CurrentDirectory,
            LedChildProcess.Executable(), todo.Select(r => r.Index).ToList(), session.Threads,
            session.DatasetsToPrepare(todo).Count, session.AutoencodersToPrepare(todo).Count), options);
        SlurmSubmitter.WriteScripts(plan);
        string range = SlurmScripts.ArrayRange(plan.Array.Indices);
        if (dryRun)
        {
            foreach (var job in plan.Jobs) output.WriteLine($"--- {job.ScriptPath}\n{job.Script}");
            output.WriteLine($"dry run: {todo.Count} runs not submitted; submit with " + (plan.Prepare is null
                ? $"`sbatch {plan.Array.ScriptPath}`"
                : $"`sbatch {plan.Prepare.ScriptPath}` then `sbatch --dependency=afterok:<its job id> {plan.Array.ScriptPath}`"));
            return true;
        }
        try
        {
            string? prepare = null;
            SlurmSubmitter.Submit(plan, study, job =>
            {
                if (job.Kind == SlurmJobKind.Prepare)
                {
                    prepare = job.Job;
                    output.WriteLine($"submitted job {job.Job}: prepare {plan.Shared}");
                }
                else
                    output.WriteLine($"submitted job array {job.Job} ({todo.Count} runs: --array={range}" +
                                     (prepare is null ? "" : $", after job {prepare}") + $") for {study.Root}");
            });
            output.WriteLine($"follow it with `led sweep status {study.Root}`; then `led report {study.Root}`");
            return true;
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            error.WriteLine($"The batch scripts are in {study.SlurmDirectory}; submit them by hand or rerun on a Slurm login node.");
            return false;
        }
    }
}
