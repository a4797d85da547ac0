using System.CommandLine;

namespace Led.Cli.Commands;

/// <summary>Arguments and options shared by the experiment commands.</summary>
public static class CommonOptions
{
    public static Argument<string> Config() => new("config") { Description = "experiment config (JSON)" };

    public static Argument<string?> OptionalConfig() => new("config")
    {
        Description = "experiment config (JSON); without it, the built-in quickstart",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "override a config value: path=value (e.g. --set seed=3 --set encoder.options.latentDim=4)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public static Option<string?> Out(string description) => new("--out") { Description = description };

    public static Option<bool> Force() => new("--force")
    {
        Description = "replace the results already at --out; the old folder is replaced only once the new one is complete",
    };

    public static Option<bool> Resume() => new("--resume")
    {
        Description = "continue the interrupted run at --out from its last training checkpoint (same config needed); without one, start afresh",
    };
}
