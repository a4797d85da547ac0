using System.Diagnostics;
using System.Text.Json.Nodes;
using Led.Cli.Terminal;
using Led.Core.Pipelines;
using Led.Core.Runs;
using Led.Core.Stages;
using Led.Core.Training;
using Led.Hosting.Experiments;
using Led.Studies;
using Serilog;
using Serilog.Events;

namespace Led.Cli;

/// <summary>Runs a command body with the shared rules: exit codes, atomic run folders, provenance, logging, Ctrl-C.</summary>
public static class CommandRunner
{
    /// <summary>Maps <see cref="InvalidInputException"/> and <see cref="StudyInputException"/> to exit code 2 with every problem printed.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidInputException ex)
        {
            foreach (var problem in ex.Problems) System.Console.Error.WriteLine($"error: {CommandHints.WithHint(problem)}");
            return ExitCodes.InvalidInput;
        }
        catch (StudyInputException ex)
        {
            foreach (var problem in ex.Problems) System.Console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>
    /// Opens and checks the config (exit 2 and nothing written on any problem), then runs <paramref name="body"/> in an
    /// atomic run folder holding config.json, run.json, log.txt, metrics.json and the body's results. A folder that already
    /// holds results is refused unless <paramref name="force"/> is set; then it is replaced only when the new run completes.
    /// Training checkpoints go to the folder's <c>checkpoints/</c>; with <paramref name="resume"/> an interrupted run of the
    /// same config is continued from them (<see cref="InterruptedRun"/>). They are removed before the results are published.
    /// </summary>
    public static int Experiment(string commandLine, string? config, string[] overrides, string? outDir, bool force, bool needsModel,
        Func<ExperimentSession, List<string>> extraChecks, Func<ExperimentRun, Dictionary<string, double>> body, bool resume = false) => Guard(() =>
    {
        using var session = ExperimentSession.Open(config, overrides);
        var device = session.CreateDevice();
        var problems = PipelineChecks.Check(session.Experiment.Config, session.Components, device, needsModel, session.Experiment.IsSet);
        problems.AddRange(extraChecks(session));
        string target = outDir ?? session.Experiment.Config.Output.Directory;
        if (OutputPath.CheckFolder(outDir is null ? "output.directory" : "--out", target, force) is { } outputProblem) problems.Add(outputProblem);
        var toContinue = resume && problems.Count == 0 ? InterruptedRun.Find(target, session.Experiment.Resolved()) : new InterruptedRun.Outcome(null, null);
        if (toContinue.Problem is { } resumeProblem) problems.Add(resumeProblem);
        if (problems.Count > 0) throw new InvalidInputException(problems);

        bool replacing = OutputPath.HoldsResults(Path.GetFullPath(target));
        var folder = toContinue.Folder is { } continued ? RunFolder.Resume(target, continued) : RunFolder.Create(target);
        var logger = new LoggerConfiguration().MinimumLevel.Debug()
            .WriteTo.Sink(new SpectreLogSink(LogEventLevel.Information))
            .WriteTo.File(folder.File("log.txt"), outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        var provenance = Provenance.Create(session, device.Describe(), commandLine);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        var clock = Stopwatch.StartNew();
        try
        {
            File.WriteAllText(folder.File("config.json"), Provenance.ToJson(session.Experiment.Resolved()));
            File.WriteAllText(folder.File("run.json"), Provenance.ToJson(provenance));
            logger.Information("{Command}: results go to {Folder} (device {Device}, seed {Seed})", commandLine, folder.FinalPath, device.Describe(), session.Experiment.Config.Seed);
            foreach (var stale in folder.RemovedStale)
                logger.Warning("removed {Folder}, left by a process that no longer runs (--resume continues such a run from its checkpoints)", stale);
            if (folder.ResumedFrom is { } from) logger.Information("--resume: continuing the interrupted run in {Folder} from its checkpoints", from);
            else if (resume) logger.Information("--resume: no interrupted run of {Folder} with a checkpoint; starting afresh", folder.FinalPath);
            if (replacing) logger.Warning("--force: the results already in {Folder} are replaced when this run completes, and kept if it fails", folder.FinalPath);
            var metrics = ConsoleProgress.Run(logger, progress =>
            {
                var context = new StageContext(device, session.Experiment.Config.Seed)
                {
                    Log = logger, Progress = progress, Cancel = cancel.Token, Threads = session.Experiment.Config.Threads,
                    Checkpoints = new TrainingCheckpoints(folder.File(TrainingCheckpoints.FolderName), session.Experiment.Config.Training),
                };
                var actions = new ExperimentActions(session.Experiment, session.Composer, context, Provenance.ToJson(provenance));
                return body(new ExperimentRun(session, actions, folder, logger, device));
            });
            metrics["wall_seconds"] = clock.Elapsed.TotalSeconds;
            folder.WriteAtomically("metrics.json", path => File.WriteAllText(path, Provenance.ToJson(MetricsJson(metrics))));
            provenance["finished"] = DateTimeOffset.UtcNow.ToString("O");
            provenance["status"] = "completed";
            provenance["wall_seconds"] = clock.Elapsed.TotalSeconds;
            folder.WriteAtomically("run.json", path => File.WriteAllText(path, Provenance.ToJson(provenance)));
            logger.Information("done in {Seconds:F1} s: {Folder}", clock.Elapsed.TotalSeconds, folder.FinalPath);
            logger.Dispose();
            TrainingCheckpoints.Remove(folder.Path);
            folder.Commit();
            return ExitCodes.Success;
        }
        catch (InvalidInputException)
        {
            logger.Dispose();
            Directory.Delete(folder.Path, recursive: true);
            throw;
        }
        catch (Exception ex)
        {
            bool interrupted = ex is OperationCanceledException;
            string message = interrupted ? "interrupted" : FailureMessage.Of(ex, folder.FinalPath);
            logger.Dispose();
            if (!interrupted) TrainingCheckpoints.Remove(folder.Path); // a failure would recur; an interrupted run continues with --resume
            string? kept = folder.Fail(message, $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss.fff} [ERR] {commandLine} failed: {message}{Environment.NewLine}{ex}{Environment.NewLine}",
                discardResults: FailureMessage.IsDiskFull(ex, folder.Path));
            System.Console.Error.WriteLine($"error: {message}");
            System.Console.Error.WriteLine(kept is null
                ? $"The log could not be kept (the unfinished folder was removed); no results were published at {folder.FinalPath}."
                : $"The log is kept in {kept}; no results were published at {folder.FinalPath}." +
                  (interrupted ? " Add --resume to the same command to continue from the last training checkpoint." : ""));
            return ExitCodes.Failure;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    });

    private static JsonObject MetricsJson(Dictionary<string, double> metrics)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            json[key] = double.IsFinite(value) ? JsonValue.Create(value) : null;
        return json;
    }
}
