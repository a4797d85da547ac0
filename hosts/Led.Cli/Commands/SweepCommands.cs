using System.CommandLine;
using Led.Studies;
using Led.Studies.Local;
using Led.Studies.Reports;
using Led.Studies.Slurm;

namespace Led.Cli.Commands;

/// <summary>
/// <c>led sweep plan | run | run-one | prepare | submit | status</c>: ablation studies written as a config's <c>sweep</c>
/// section, run locally by a pool of <c>led run</c> processes or as a Slurm job array; and <c>led report</c>. The
/// arguments are parsed here; the work is Led.Studies'.
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
            var (study, manifest) = SweepSession.OpenFolder(parse.GetValue(target)!, parse.GetValue(set)!);
            StudyReport.WriteAndList(study, manifest, parse.GetValue(metric), parse.GetValue(output) ?? study.Root, Console.Out);
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
            StudyPlanView.Write(session, parse.GetValue(config)!, parse.GetValue(json), Console.Out);
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
                var local = new LocalStudy(session, new LedChildProcess(), Console.Out, Console.Error);
                bool all = local.RunAsync(parse.GetValue(jobs), parse.GetValue(retry), SlurmQueue.ActiveTasks(session.Study), cancel.Token).GetAwaiter().GetResult();
                return all ? ExitCodes.Success : ExitCodes.Failure;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
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
            var local = new LocalStudy(session, new LedChildProcess(), Console.Out, Console.Error);
            return local.RunOneAsync(i).GetAwaiter().GetResult() ? ExitCodes.Success : ExitCodes.Failure;
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
            var local = new LocalStudy(session, new LedChildProcess(), Console.Out, Console.Error);
            return local.PrepareAsync().GetAwaiter().GetResult() ? ExitCodes.Success : ExitCodes.Failure;
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
            var session = SweepSession.Open(Path.GetFullPath(parse.GetValue(config)!), parse.GetValue(set)!, parse.GetValue(study), cpuFallback: true);
            session.Prepare();
            var options = new SlurmOptions(parse.GetValue(partition), parse.GetValue(time), parse.GetValue(gpus), parse.GetValue(cpus));
            bool submitted = new SlurmStudySubmission(session, Console.Out, Console.Error).Submit(options, parse.GetValue(retry), parse.GetValue(dryRun));
            return submitted ? ExitCodes.Success : ExitCodes.Failure;
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
            var (folder, manifest) = SweepSession.OpenFolder(parse.GetValue(target)!, parse.GetValue(set)!, parse.GetValue(study));
            StudyStatusView.Write(folder, manifest, parse.GetValue(json), Console.Out);
            return ExitCodes.Success;
        }));
        return command;
    }
}
