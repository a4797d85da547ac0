using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Cli.Sweeps;
using Led.Hosting.Sweeps;

namespace Led.Cli.Commands;

/// <summary>
/// <c>led sweep plan | run | run-one | prepare | submit | status</c>: ablation studies written as a config's <c>sweep</c>
/// section, run locally by a pool of <c>led run</c> processes or as a Slurm job array; and <c>led report</c>.
/// </summary>
public static class SweepCommands
{
    public static Command Sweep() => new("sweep", "ablation studies: expand a config's sweep section into runs and run them (locally or on Slurm)")
    {
        Plan(), Run(), RunOne(), Prepare(), Submit(), Status(),
    };

    public static Command Report()
    {
        var target = new Argument<string>("study") { Description = "study folder (or the sweep config whose study it is)" };
        var set = CommonOptions.Set();
        var metric = new Option<string[]>("--metric")
        {
            Description = $"metric to tabulate and plot (repeatable; default: those of {string.Join(", ", StudyReport.PreferredMetrics)} present)",
            DefaultValueFactory = _ => [],
        };
        var output = CommonOptions.Out("folder for report.csv, report.md and plots/ (default: the study folder)");
        var command = new Command("report", "a study's table (CSV, Markdown) and plots of its metrics against the sweep axes") { target, set, metric, output };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            var (study, manifest) = OpenStudy(parse.GetValue(target)!, parse.GetValue(set)!);
            string folder = parse.GetValue(output) ?? study.Root;
            var files = StudyReport.Write(study, manifest, parse.GetValue(metric), folder);
            var counts = Counts(manifest.Runs.Select(r => study.Status(r.Id).StateName));
            Console.Out.WriteLine($"report of {study.Root} ({manifest.Runs.Count} runs: {counts}):");
            foreach (var file in files) Console.Out.WriteLine($"  {file}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Argument<string> ConfigArgument() => new("config") { Description = "experiment config (JSON) with a sweep section" };

    private static Option<string?> StudyOption() => new("--out") { Description = "study folder (default: the config's output.directory)" };

    private static Command Plan()
    {
        var config = ConfigArgument();
        var set = CommonOptions.Set();
        var study = StudyOption();
        var json = new Option<bool>("--json") { Description = "machine-readable output" };
        var command = new Command("plan", "list the runs of a sweep (id, changed keys) and validate every one; runs and writes nothing") { config, set, study, json };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            var session = SweepSession.Open(parse.GetValue(config)!, parse.GetValue(set)!, parse.GetValue(study));
            var plan = session.Plan;
            if (parse.GetValue(json))
            {
                var runs = new JsonArray(plan.Runs.Select(r => (JsonNode)new JsonObject
                {
                    ["index"] = r.Index,
                    ["id"] = r.Id,
                    ["changes"] = new JsonObject(r.Changes.Select(c => KeyValuePair.Create(c.Axis.Path, (JsonNode?)JsonValue.Create(c.Label)))),
                    ["dataset"] = session.DatasetOf(r.Index)?.Key,
                    ["autoencoder"] = session.AutoencoderOf(r.Index)?.Key,
                    ["state"] = session.Study.Status(r.Id).StateName,
                }).ToArray());
                Console.Out.WriteLine(new JsonObject { ["study"] = session.Study.Root, ["runs"] = runs }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }
            Console.Out.WriteLine($"{parse.GetValue(config)}: {plan.Runs.Count} runs into {session.Study.Root}");
            foreach (var axis in plan.Axes)
                Console.Out.WriteLine($"  axis {axis.Name} ({axis.Kind.ToString().ToLowerInvariant()}, {axis.Path}): {string.Join(", ", axis.Labels.Distinct())}");
            Console.Out.WriteLine($"  {"#",4}  {"id",-8}  {"state",-11}  changes");
            foreach (var run in plan.Runs)
                Console.Out.WriteLine($"  {run.Index,4}  {run.Id,-8}  {session.Study.Status(run.Id).StateName,-11}  {run.Describe()}");
            foreach (var dataset in session.Datasets)
                Console.Out.WriteLine($"  shared dataset {dataset.Key} (simulated once) for runs {SlurmBackend.ArrayRange(dataset.Runs)}");
            foreach (var autoencoder in session.Autoencoders)
                Console.Out.WriteLine($"  shared autoencoder {autoencoder.Key} (trained once) for runs {SlurmBackend.ArrayRange(autoencoder.Runs)}");
            Console.Out.WriteLine($"all {plan.Runs.Count} runs are valid; run them with `led sweep run {parse.GetValue(config)}` or `led sweep submit {parse.GetValue(config)} --slurm`");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Run()
    {
        var config = ConfigArgument();
        var set = CommonOptions.Set();
        var study = StudyOption();
        var jobs = new Option<int?>("--jobs", "-j") { Description = "runs at a time (default: cores / the config's threads)" };
        var retry = new Option<bool>("--retry-failed") { Description = "run failed runs again (completed runs are always skipped)" };
        var command = new Command("run", "run every run of a sweep on this machine, resuming: completed runs are skipped") { config, set, study, jobs, retry };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            if (parse.GetValue(jobs) is < 1) throw new InvalidInputException(["--jobs must be ≥ 1"]);
            var session = SweepSession.Open(parse.GetValue(config)!, parse.GetValue(set)!, parse.GetValue(study));
            session.Prepare();
            var states = session.Plan.Runs.ToDictionary(r => r.Index, r => session.Study.Status(r.Id).State);
            bool retryFailed = parse.GetValue(retry);
            var onSlurm = ActiveSlurmTasks(session.Study);
            if (onSlurm.Count > 0)
                Console.Out.WriteLine($"sweep: runs {SlurmBackend.ArrayRange(onSlurm)} are queued or running on Slurm; they are left to it");
            var todo = session.Plan.Runs.Where(r => !onSlurm.Contains(r.Index) && states[r.Index] switch
            {
                RunState.Completed => false,
                RunState.Failed => retryFailed,
                _ => true,
            }).ToList();
            int completed = states.Values.Count(s => s == RunState.Completed);
            int skippedFailed = retryFailed ? 0 : states.Values.Count(s => s == RunState.Failed);
            int workers = Math.Max(1, Math.Min(parse.GetValue(jobs) ?? Math.Max(1, Environment.ProcessorCount / session.Threads), Math.Max(1, todo.Count)));
            Console.Out.WriteLine($"sweep: {session.Plan.Runs.Count} runs in {session.Study.Root}: {completed} completed earlier, " +
                                  (skippedFailed > 0 ? $"{skippedFailed} failed earlier (not retried without --retry-failed), " : "") +
                                  $"{todo.Count} to run with {workers} worker{(workers == 1 ? "" : "s")} (logs in {Path.Combine(session.Study.Root, "logs")})");

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
                Console.Error.WriteLine("interrupted: no new runs start; waiting for the runs in flight to stop");
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                new LocalSweepRunner(session, Console.Out).RunAsync(todo, workers, completed, cancel.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            return Summarise(session, Console.Out);
        }));
        return command;
    }

    private static Command RunOne()
    {
        var config = ConfigArgument();
        var set = CommonOptions.Set();
        var study = StudyOption();
        var index = new Option<int>("--index") { Description = "the run's index in the plan (a Slurm array task id)", Required = true };
        var command = new Command("run-one", "run one run of a sweep (what each Slurm array task does); a completed run is not run again") { config, set, study, index };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            int i = parse.GetValue(index);
            var session = SweepSession.OpenPrepared(parse.GetValue(config)!, parse.GetValue(set)!, parse.GetValue(study), i);
            var run = session.Plan.Runs[i];
            if (session.Study.Status(run.Id).State == RunState.Completed)
            {
                Console.Out.WriteLine($"{run} is already completed: {session.Study.RunDirectory(run.Id)}");
                return ExitCodes.Success;
            }
            Console.Out.WriteLine($"started {run} into {session.Study.RunDirectory(run.Id)}");
            var (status, seconds) = SweepExecution.RunAsync(session, run, () => false).GetAwaiter().GetResult();
            if (status.State == RunState.Completed)
            {
                Console.Out.WriteLine($"completed {run} in {seconds:F1} s");
                return ExitCodes.Success;
            }
            Console.Error.WriteLine($"error: {run} {status.StateName}: {status.Error}");
            return ExitCodes.Failure;
        }));
        return command;
    }

    private static Command Prepare()
    {
        var config = ConfigArgument();
        var set = CommonOptions.Set();
        var study = StudyOption();
        var command = new Command("prepare", "write the study folder, simulate the shared datasets and train the shared autoencoders (the first Slurm job of a submission)") { config, set, study };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            var session = SweepSession.OpenPrepared(parse.GetValue(config)!, parse.GetValue(set)!, parse.GetValue(study), null);
            int failed = 0;
            foreach (var dataset in session.Datasets)
            {
                bool existed = File.Exists(session.Study.DatasetFile(dataset.Key));
                if (SweepExecution.SimulateAsync(session, dataset).GetAwaiter().GetResult() is { } error)
                {
                    Console.Error.WriteLine($"error: {error}");
                    failed++;
                }
                else
                    Console.Out.WriteLine($"shared dataset {dataset.Key} {(existed ? "exists" : "simulated")}: {session.Study.DatasetFile(dataset.Key)}");
            }
            foreach (var autoencoder in session.Autoencoders)
            {
                bool existed = session.Study.HasAutoencoder(autoencoder.Key);
                if (SweepExecution.PretrainAsync(session, autoencoder).GetAwaiter().GetResult() is { } error)
                {
                    Console.Error.WriteLine($"error: {error}");
                    failed++;
                }
                else
                    Console.Out.WriteLine($"shared autoencoder {autoencoder.Key} {(existed ? "exists" : "trained")}: {session.Study.AutoencoderDirectory(autoencoder.Key)}");
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static Command Submit()
    {
        var config = ConfigArgument();
        var set = CommonOptions.Set();
        var study = StudyOption();
        var slurm = new Option<bool>("--slurm") { Description = "submit a Slurm job array (one task per run) with sbatch" };
        var partition = new Option<string?>("--partition", "-p") { Description = "Slurm partition" };
        var time = new Option<string?>("--time", "-t") { Description = "time limit per run, e.g. 02:00:00" };
        var gpus = new Option<int?>("--gpus-per-task") { Description = "GPUs per run (set device to cuda or auto in the config)" };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "CPUs per run (default: the config's threads)" };
        var retry = new Option<bool>("--retry-failed") { Description = "submit failed runs again" };
        var dryRun = new Option<bool>("--dry-run") { Description = "write the batch scripts and print them; submit nothing" };
        var command = new Command("submit", "run a sweep on a Slurm cluster as a job array; results land where `led sweep run` puts them")
        {
            config, set, study, slurm, partition, time, gpus, cpus, retry, dryRun,
        };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            if (!parse.GetValue(slurm))
                throw new InvalidInputException(["choose a backend: --slurm (the one available; `led sweep run` runs the study on this machine)"]);
            string configPath = Path.GetFullPath(parse.GetValue(config)!);
            var overrides = parse.GetValue(set)!;
            var session = SweepSession.Open(configPath, overrides, parse.GetValue(study), cpuFallback: true);
            session.Prepare();
            var active = ActiveSlurmTasks(session.Study);
            var todo = session.Plan.Runs.Where(r => !active.Contains(r.Index) && session.Study.Status(r.Id).State switch
            {
                RunState.Completed => false,
                RunState.Failed => parse.GetValue(retry),
                _ => true,
            }).ToList();
            if (todo.Count == 0)
            {
                Console.Out.WriteLine($"nothing to submit: every run of {session.Study.Root} is completed, queued, running" +
                                      (parse.GetValue(retry) ? "" : " or failed (resubmit failed runs with --retry-failed)"));
                return ExitCodes.Success;
            }

            Directory.CreateDirectory(session.Study.SlurmDirectory);
            var led = LedChildProcess.Executable();
            var tail = new List<string>();
            foreach (var o in overrides) tail.AddRange(["--set", o]);
            tail.AddRange(["--out", session.Study.Root]);
            var options = new List<string> { $"--chdir={Environment.CurrentDirectory}", "--ntasks=1" };
            if (parse.GetValue(partition) is { } p) options.Add($"--partition={p}");
            if (parse.GetValue(time) is { } t) options.Add($"--time={t}");
            string name = "led-" + Path.GetFileName(session.Study.Root);

            var datasets = session.Datasets.Where(d => todo.Any(r => d.Runs.Contains(r.Index)) && !File.Exists(session.Study.DatasetFile(d.Key))).ToList();
            var autoencoders = session.Autoencoders.Where(a => todo.Any(r => a.Runs.Contains(r.Index)) && !session.Study.HasAutoencoder(a.Key)).ToList();
            string shared = $"{datasets.Count} shared dataset(s) and {autoencoders.Count} shared autoencoder(s)";
            string? prepareScript = null;
            if (datasets.Count + autoencoders.Count > 0)
            {
                prepareScript = Path.Combine(session.Study.SlurmDirectory, "prepare.sh");
                File.WriteAllText(prepareScript, SlurmBackend.BatchScript(
                    [$"--job-name={name}-data", $"--output={Path.Combine(session.Study.SlurmDirectory, "prepare-%j.out")}", .. options,
                        $"--cpus-per-task={(autoencoders.Count > 0 ? parse.GetValue(cpus) ?? session.Threads : 1)}"],
                    [.. led, "sweep", "prepare", configPath, .. tail],
                    $"prepares the {shared} of {session.Study.Root} before the runs start"));
            }
            var indices = todo.Select(r => r.Index).ToList();
            string arrayScript = Path.Combine(session.Study.SlurmDirectory, "sweep.sh");
            List<string> arrayOptions =
            [
                $"--job-name={name}", $"--array={SlurmBackend.ArrayRange(indices)}",
                $"--output={Path.Combine(session.Study.SlurmDirectory, "run-%A_%a.out")}", .. options,
                $"--cpus-per-task={parse.GetValue(cpus) ?? session.Threads}",
            ];
            if (parse.GetValue(gpus) is { } g) arrayOptions.Add($"--gpus-per-task={g}");
            File.WriteAllText(arrayScript, SlurmBackend.BatchScript(arrayOptions,
                [.. led, "sweep", "run-one", configPath, "--index", "$SLURM_ARRAY_TASK_ID", .. tail],
                $"one array task per run of {session.Study.Root}; the task id is the run's index in `led sweep plan`"));

            if (parse.GetValue(dryRun))
            {
                foreach (var script in new[] { prepareScript, arrayScript }.OfType<string>())
                    Console.Out.WriteLine($"--- {script}\n{File.ReadAllText(script)}");
                Console.Out.WriteLine($"dry run: {todo.Count} runs not submitted; submit with " +
                                      (prepareScript is null ? $"`sbatch {arrayScript}`" : $"`sbatch {prepareScript}` then `sbatch --dependency=afterok:<its job id> {arrayScript}`"));
                return ExitCodes.Success;
            }
            string? prepareJob = null;
            try
            {
                if (prepareScript is not null)
                {
                    prepareJob = SlurmBackend.Submit(prepareScript, null);
                    SlurmBackend.Record(session.Study, prepareJob, "prepare", [], prepareScript);
                    Console.Out.WriteLine($"submitted job {prepareJob}: prepare {shared}");
                }
                string job = SlurmBackend.Submit(arrayScript, prepareJob);
                SlurmBackend.Record(session.Study, job, "array", indices, arrayScript);
                Console.Out.WriteLine($"submitted job array {job} ({todo.Count} runs: --array={SlurmBackend.ArrayRange(indices)}" +
                                      (prepareJob is null ? "" : $", after job {prepareJob}") + $") for {session.Study.Root}");
                Console.Out.WriteLine($"follow it with `led sweep status {session.Study.Root}`; then `led report {session.Study.Root}`");
                return ExitCodes.Success;
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                Console.Error.WriteLine($"The batch scripts are in {session.Study.SlurmDirectory}; submit them by hand or rerun on a Slurm login node.");
                return ExitCodes.Failure;
            }
        }));
        return command;
    }

    private static Command Status()
    {
        var target = new Argument<string>("study") { Description = "study folder, or the sweep config whose study it is" };
        var set = CommonOptions.Set();
        var study = StudyOption();
        var json = new Option<bool>("--json") { Description = "machine-readable output" };
        var command = new Command("status", "where each run of a study stands: results on disk, and Slurm's queue for submitted studies") { target, set, study, json };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            var (folder, manifest) = OpenStudy(parse.GetValue(target)!, parse.GetValue(set)!, parse.GetValue(study));
            var slurm = new Dictionary<int, (string Job, string State)>();
            var notes = new List<string>();
            var jobs = SlurmBackend.Jobs(folder);
            foreach (var (job, kind, indices) in jobs)
            {
                var states = SlurmBackend.States(job, out var note);
                if (note is not null) notes.Add(note);
                if (states is null) continue;
                if (kind == "prepare" && states.TryGetValue(-1, out var s)) notes.Add($"job {job} (shared datasets): {s}");
                foreach (var i in indices)
                    if (states.TryGetValue(i, out var state)) slurm[i] = (job, state);
            }
            var rows = manifest.Runs.Select(r =>
            {
                var status = folder.Status(r.Id);
                string state = status.State switch
                {
                    RunState.Completed or RunState.Failed or RunState.Interrupted => status.StateName,
                    _ when slurm.TryGetValue(r.Index, out var q) => q.State switch
                    {
                        "PENDING" => "queued",
                        "RUNNING" or "CONFIGURING" or "COMPLETING" => "running",
                        "COMPLETED" => "no-results", // the task ended well but published nothing (e.g. results removed since)
                        var other => other.ToLowerInvariant(),
                    },
                    _ => status.StateName,
                };
                return (Run: r, Status: status, State: state, Slurm: slurm.TryGetValue(r.Index, out var x) ? $"{x.Job}_{r.Index} {x.State}" : null);
            }).ToList();
            string counts = Counts(rows.Select(r => r.State));
            if (parse.GetValue(json))
            {
                var array = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["index"] = r.Run.Index,
                    ["id"] = r.Run.Id,
                    ["state"] = r.State,
                    ["slurm"] = r.Slurm,
                    ["wallSeconds"] = r.Status.WallSeconds,
                    ["error"] = r.Status.Error,
                    ["changes"] = r.Run.Description,
                }).ToArray());
                var result = new JsonObject
                {
                    ["study"] = folder.Root,
                    ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)j.Job).ToArray()),
                    ["counts"] = new JsonObject(rows.GroupBy(r => r.State).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
                    ["notes"] = new JsonArray(notes.Distinct().Select(n => (JsonNode)n).ToArray()),
                    ["runs"] = array,
                };
                Console.Out.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }
            Console.Out.WriteLine($"{folder.Root}: {manifest.Runs.Count} runs: {counts}" +
                                  (jobs.Count > 0 ? $" (Slurm jobs {string.Join(", ", jobs.Select(j => j.Job))})" : ""));
            Console.Out.WriteLine($"  {"#",4}  {"id",-8}  {"state",-11}  {"wall (s)",8}  changes");
            foreach (var r in rows)
                Console.Out.WriteLine($"  {r.Run.Index,4}  {r.Run.Id,-8}  {r.State,-11}  {(r.Status.WallSeconds is { } w ? w.ToString("F1", CultureInfo.InvariantCulture) : ""),8}  {r.Run.Description}" +
                                      (r.Status.Error is { } e ? $"\n        error: {e}" : ""));
            foreach (var note in notes.Distinct()) Console.Out.WriteLine($"note: {note}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Prints the final tally of a local run; exit 0 when every run is completed.</summary>
    private static int Summarise(SweepSession session, TextWriter output)
    {
        var statuses = session.Plan.Runs.Select(r => (Run: r, Status: session.Study.Status(r.Id))).ToList();
        output.WriteLine($"sweep: {Counts(statuses.Select(s => s.Status.StateName))} in {session.Study.Root}; " +
                         $"`led report {session.Study.Root}` writes the table and plots");
        foreach (var (run, status) in statuses.Where(s => s.Status.State != RunState.Completed))
            output.WriteLine($"  {status.StateName} {run}{(status.Error is null ? "" : $": {status.Error}")}");
        return statuses.All(s => s.Status.State == RunState.Completed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Indices of runs that a recorded Slurm job still has queued or running.</summary>
    private static HashSet<int> ActiveSlurmTasks(StudyFolder study)
    {
        var active = new HashSet<int>();
        foreach (var (job, _, indices) in SlurmBackend.Jobs(study))
            if (SlurmBackend.States(job, out _) is { } states)
                foreach (var i in indices)
                    if (states.TryGetValue(i, out var s) && s is "PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "SUSPENDED" or "REQUEUED")
                        active.Add(i);
        return active;
    }

    /// <summary>A study from its folder (study.json) or from its config.</summary>
    private static (StudyFolder Study, StudyManifest Manifest) OpenStudy(string target, IReadOnlyList<string> overrides, string? studyDirectory = null)
    {
        var folder = Directory.Exists(target) ? new StudyFolder(target) : SweepSession.Expand(target, overrides, studyDirectory).Study;
        if (!folder.HasManifest)
            throw new InvalidInputException([$"{folder.Root}: no study.json here: not a study folder yet (start it with `led sweep run <config>` or `led sweep submit <config> --slurm`)"]);
        try
        {
            return (folder, StudyManifest.Read(folder.ManifestFile));
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidInputException([ex.Message]);
        }
    }

    private static string Counts(IEnumerable<string> states) =>
        string.Join(", ", states.GroupBy(s => s).OrderBy(g => Order(g.Key)).Select(g => $"{g.Count()} {g.Key}"));

    private static int Order(string state) => Array.IndexOf(["completed", "running", "queued", "incomplete", "pending", "interrupted", "failed"], state) is var i and >= 0 ? i : 99;
}
