using System.CommandLine;
using Led.Core.Stages;
using Led.Hosting.Experiments;
using Led.Core.Configuration;
using Led.Core.Pipelines;
using Led.Core.Runs;
using Led.Core.Training;
using Serilog;

namespace Led.Cli.Commands;

/// <summary><c>led simulate | train | forecast | loss | run</c>: the LED stages, alone or together.</summary>
public static class ExperimentCommands
{
    public static Command Simulate()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("HDF5 file to write; default: <output.directory>/data.h5 (or trajectory.h5)");
        var trajectory = new Option<int?>("--trajectory")
        {
            Description = "write one trajectory of N samples (from system.initialState or a seeded random state) instead of the data splits",
        };
        var interval = new Option<double?>("--interval") { Description = "sampling interval of --trajectory (default: the coarse Δt; the micro step gives every step)" };
        var transient = new Option<double>("--transient") { Description = "time discarded before the --trajectory samples", DefaultValueFactory = _ => 0 };
        var command = new Command("simulate", "run the system: training, validation and test trajectories (or one trajectory) to HDF5")
        {
            config, set, output, trajectory, interval, transient,
        };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            using var session = ExperimentSession.Open(parse.GetValue(config), parse.GetValue(set)!);
            var device = session.CreateDevice();
            var problems = PipelineChecks.Check(session.Experiment.Config, session.Components, device);
            int? samples = parse.GetValue(trajectory);
            if (samples is < 1) problems.Add("--trajectory: the number of samples must be ≥ 1");
            if (parse.GetValue(interval) is <= 0) problems.Add("--interval must be positive");
            string target = parse.GetValue(output) ?? Path.Combine(session.Experiment.Config.Output.Directory, samples is null ? "data.h5" : "trajectory.h5");
            if (OutputPath.CheckFile("--out", target) is { } outputProblem) problems.Add(outputProblem);
            if (problems.Count > 0) throw new InvalidInputException(problems);
            var log = new LoggerConfiguration().WriteTo.Sink(new Terminal.SpectreLogSink(Serilog.Events.LogEventLevel.Information)).CreateLogger();
            var provenance = Provenance.Create(session, device.Describe(), CommandLine());
            provenance["config"] = session.Experiment.Resolved();
            try
            {
                Terminal.ConsoleProgress.Run(log, progress =>
                {
                    var context = new StageContext(device, session.Experiment.Config.Seed) { Log = log, Progress = progress };
                    if (samples is { } n)
                        session.Composer.Data(context).SimulateTrajectory(target, n, parse.GetValue(interval), parse.GetValue(transient),
                            session.Composer.InitialState, Provenance.ToJson(provenance));
                    else new ExperimentActions(session.Experiment, session.Composer, context, Provenance.ToJson(provenance)).Data(target);
                    return 0;
                });
                log.Information("wrote {Path}", Path.GetFullPath(target));
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is not InvalidInputException)
            {
                System.Console.Error.WriteLine($"error: {FailureMessage.Of(ex, Path.GetFullPath(target))}");
                return ExitCodes.Failure;
            }
        }));
        return command;
    }

    public static Command Train()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("run folder (default: output.directory)");
        var force = CommonOptions.Force();
        var autoencoderOnly = new Option<bool>("--autoencoder-only")
        {
            Description = "train only the autoencoder (sequential mode); reuse it for several propagators with training.autoencoder",
        };
        var resume = CommonOptions.Resume();
        var command = new Command("train", "simulate (or read) the data and train the autoencoder and the propagator") { config, set, output, force, autoencoderOnly, resume };
        command.SetAction(parse =>
        {
            bool onlyAutoencoder = parse.GetValue(autoencoderOnly);
            return CommandRunner.Experiment(CommandLine(), parse.GetValue(config), parse.GetValue(set)!, parse.GetValue(output), parse.GetValue(force), true,
                session => onlyAutoencoder && session.Experiment.Config.Training.Mode != TrainingMode.Sequential
                    ? ["--autoencoder-only: training.mode is endToEnd, which trains the autoencoder with the propagator; set training.mode to 'sequential'"]
                    : [],
                run => run.Actions.Train(run.Folder.Path, run.Actions.Data(SaveData(run)), onlyAutoencoder), parse.GetValue(resume));
        });
        return command;
    }

    public static Command Forecast()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("run folder (default: output.directory)");
        var force = CommonOptions.Force();
        var model = new Option<string>("--model") { Description = "trained model: a run folder of `led train`/`led run` or its model/ subfolder", Required = true };
        var command = new Command("forecast", "forecast the test trajectories with a trained model (Latent-LED)") { config, set, output, force, model };
        command.SetAction(parse =>
        {
            string modelDir = LedModel.ResolveDirectory(parse.GetValue(model)!);
            return CommandRunner.Experiment(CommandLine(), parse.GetValue(config), parse.GetValue(set)!, parse.GetValue(output), parse.GetValue(force), true,
                session => ForecastChecks(session, modelDir), run => run.Actions.Forecast(run.Folder.Path, modelDir));
        });
        return command;
    }

    public static Command Loss()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("run folder (default: output.directory); writes DIR/metrics.json");
        var force = CommonOptions.Force();
        var model = new Option<string>("--model") { Description = "trained model: a run folder of `led train`/`led run` or its model/ subfolder", Required = true };
        var command = new Command("loss", "score a trained model under the config's training objective on its training and validation windows")
        {
            config, set, output, force, model,
        };
        command.SetAction(parse =>
        {
            string modelDir = LedModel.ResolveDirectory(parse.GetValue(model)!);
            return CommandRunner.Experiment(CommandLine(), parse.GetValue(config), parse.GetValue(set)!, parse.GetValue(output), parse.GetValue(force), true,
                session => ForecastChecks(session, modelDir), run => run.Actions.Objective(modelDir));
        });
        return command;
    }

    public static Command Run()
    {
        var config = CommonOptions.OptionalConfig();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("run folder (default: output.directory); writes DIR/metrics.json");
        var force = CommonOptions.Force();
        var resume = CommonOptions.Resume();
        var command = new Command("run", "all stages: simulate, train, forecast (without a config: the built-in quickstart)") { config, set, output, force, resume };
        command.SetAction(parse => CommandRunner.Experiment(CommandLine(), parse.GetValue(config), parse.GetValue(set)!, parse.GetValue(output), parse.GetValue(force), true,
            _ => [], run => run.Actions.Run(run.Folder.Path), parse.GetValue(resume)));
        return command;
    }

    private static string? SaveData(ExperimentRun run) =>
        run.Session.Experiment.Config.Data.Path is null ? run.Folder.File("data.h5") : null;


    private static List<string> ForecastChecks(ExperimentSession session, string modelDir) =>
        !File.Exists(Path.Combine(modelDir, "scalers.json")) ? [$"--model: no trained model at {modelDir} (expected scalers.json, autoencoder.bin, propagator.bin)"]
        : ModelManifest.Problem(modelDir) is { } damaged ? [$"--model: {damaged}"] : [];

    private static string CommandLine() => "led " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
}
