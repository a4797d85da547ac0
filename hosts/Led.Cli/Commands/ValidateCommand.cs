using System.CommandLine;
using Led.Core.Pipelines;

namespace Led.Cli.Commands;

/// <summary><c>led validate &lt;config&gt;</c>: checks a config (keys, values, component names and options, shapes) without running or writing anything.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var command = new Command("validate", "check a config and report every problem; runs and writes nothing") { config, set };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            using var session = ExperimentSession.Open(parse.GetValue(config), parse.GetValue(set)!);
            var device = session.CreateDevice();
            var c = session.Experiment.Config;
            // A config that names a model part is checked as `led run` would check it.
            var problems = PipelineChecks.Check(c, session.Components, device, needsModel: c.Encoder is not null || c.Propagator is not null,
                isSet: session.Experiment.IsSet);
            if (problems.Count > 0) throw new InvalidInputException(problems);
            Console.Out.WriteLine($"{parse.GetValue(config)}: valid (system {c.System!.Name}" +
                                  (c.Encoder is null ? "" : $", encoder {c.Encoder.Name}") +
                                  (c.Propagator is null ? "" : $", propagator {c.Propagator.Name}") + $", device {device.Describe()})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
