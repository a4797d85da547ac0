using System.Text.Json.Nodes;

namespace Led.Studies.Planning;

/// <summary>A sweep expanded: the base config (without its <c>sweep</c> section), the axes and every run in order.</summary>
public sealed class SweepPlan(JsonObject baseDocument, IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepRun> runs)
{
    public JsonObject BaseDocument { get; } = baseDocument;

    public IReadOnlyList<SweepAxis> Axes { get; } = axes;

    public IReadOnlyList<SweepRun> Runs { get; } = runs;

    /// <summary>The study folder: the base config's <c>output.directory</c> (default <c>results/run</c>), relative to the working directory.</summary>
    public string DefaultStudyDirectory =>
        ConfigPath.Get(BaseDocument, "output.directory") is JsonValue v && v.TryGetValue<string>(out var dir) && dir.Length > 0 ? dir : "results/run";
}
