using Led.Core.Compute;
using Led.Core.Runs;
using Led.Hosting.Experiments;
using Serilog;

namespace Led.Cli;

/// <summary>What an experiment command's body works with: the session, the experiment's actions, the run folder and the log.</summary>
public sealed record ExperimentRun(ExperimentSession Session, ExperimentActions Actions, RunFolder Folder, ILogger Log, DeviceContext Device);
