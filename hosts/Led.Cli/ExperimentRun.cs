using Led.Core.Compute;
using Led.Core.Pipelines;
using Led.Core.Runs;
using Serilog;

namespace Led.Cli;

/// <summary>What an experiment command's body works with: the session, the pipeline, the run folder and the log.</summary>
public sealed record ExperimentRun(ExperimentSession Session, LedPipeline Pipeline, RunFolder Folder, ILogger Log, DeviceContext Device, string ProvenanceJson);
