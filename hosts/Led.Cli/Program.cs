using System.CommandLine;
using Led.Cli;
using Led.Cli.Commands;

// `led`: the LED.NET command line. Exit codes: 0 success, 1 failure while running, 2 invalid input.
var root = new RootCommand("LED.NET: learn the effective dynamics of multiscale systems and forecast with them")
{
    PluginsCommand.Create(),
    ValidateCommand.Create(),
    ExperimentCommands.Simulate(),
    ExperimentCommands.Train(),
    ExperimentCommands.Forecast(),
    ExperimentCommands.Loss(),
    ExperimentCommands.Run(),
    ImportCommand.Create(),
    SweepCommands.Sweep(), SweepCommands.Report(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run `led --help` or `led <command> --help` for usage.");
    return ExitCodes.InvalidInput;
}
return parsed.Invoke();
