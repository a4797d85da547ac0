using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Studies.Slurm;

namespace Led.Studies.Reports;

/// <summary><c>led sweep plan</c>: the runs of a validated study (index, id, state, changes) and its shared stages, as text or JSON.</summary>
public static class StudyPlanView
{
    public static void Write(SweepSession session, string config, bool json, TextWriter output)
    {
        var plan = session.Plan;
        var study = session.Study;
        if (json)
        {
            var runs = new JsonArray(plan.Runs.Select(r => (JsonNode)new JsonObject
            {
                ["index"] = r.Index,
                ["id"] = r.Id,
                ["changes"] = new JsonObject(r.Changes.Select(c => KeyValuePair.Create(c.Axis.Path, (JsonNode?)JsonValue.Create(c.Label)))),
                ["dataset"] = session.DatasetOf(r.Index)?.Key,
                ["autoencoder"] = session.AutoencoderOf(r.Index)?.Key,
                ["state"] = study.Status(r.Id).StateName,
            }).ToArray());
            output.WriteLine(new JsonObject { ["study"] = study.Root, ["runs"] = runs }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }
        output.WriteLine($"{config}: {plan.Runs.Count} runs into {study.Root}");
        foreach (var axis in plan.Axes)
            output.WriteLine($"  axis {axis.Name} ({axis.Kind.ToString().ToLowerInvariant()}, {axis.Path}): {string.Join(", ", axis.Labels.Distinct())}");
        output.WriteLine($"  {"#",4}  {"id",-8}  {"state",-11}  changes");
        foreach (var run in plan.Runs)
            output.WriteLine($"  {run.Index,4}  {run.Id,-8}  {study.Status(run.Id).StateName,-11}  {run.Describe()}");
        foreach (var dataset in session.Datasets)
            output.WriteLine($"  shared dataset {dataset.Key} (simulated once) for runs {SlurmScripts.ArrayRange(dataset.Runs)}");
        foreach (var autoencoder in session.Autoencoders)
            output.WriteLine($"  shared autoencoder {autoencoder.Key} (trained once) for runs {SlurmScripts.ArrayRange(autoencoder.Runs)}");
        output.WriteLine($"all {plan.Runs.Count} runs are valid; run them with `led sweep run {config}` or `led sweep submit {config} --slurm`");
    }
}
