using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Studies.Slurm;

namespace Led.Studies.Reports;

/// <summary>
/// <c>led sweep status</c>: where each run of a study stands — its results on disk and, for submitted studies, Slurm's
/// queue — as a table or JSON.
/// </summary>
public static class StudyStatusView
{
    public static void Write(StudyFolder folder, StudyManifest manifest, bool json, TextWriter output)
    {
        var slurm = new Dictionary<int, (string Job, SlurmState State)>();
        var notes = new List<string>();
        var jobs = SlurmJobLog.Read(folder);
        foreach (var job in jobs)
        {
            var states = SlurmQueue.States(job.Job, out var note);
            if (note is not null) notes.Add(note);
            if (states is null) continue;
            if (job.Kind == SlurmJobKind.Prepare && states.TryGetValue(-1, out var s)) notes.Add($"job {job.Job} (shared datasets): {SlurmStates.Name(s)}");
            foreach (var i in job.Indices)
                if (states.TryGetValue(i, out var state)) slurm[i] = (job.Job, state);
        }
        var rows = manifest.Runs.Select(r =>
        {
            var status = folder.Status(r.Id);
            bool queued = slurm.TryGetValue(r.Index, out var q);
            return (Run: r, Status: status, State: SlurmStates.RunStateName(status, queued ? q.State : null),
                Slurm: queued ? $"{q.Job}_{r.Index} {SlurmStates.Name(q.State)}" : null);
        }).ToList();
        if (json)
        {
            var result = new JsonObject
            {
                ["study"] = folder.Root,
                ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)j.Job).ToArray()),
                ["counts"] = new JsonObject(rows.GroupBy(r => r.State).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
                ["notes"] = new JsonArray(notes.Distinct().Select(n => (JsonNode)n).ToArray()),
                ["runs"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["index"] = r.Run.Index,
                    ["id"] = r.Run.Id,
                    ["state"] = r.State,
                    ["slurm"] = r.Slurm,
                    ["wallSeconds"] = r.Status.WallSeconds,
                    ["error"] = r.Status.Error,
                    ["changes"] = r.Run.Description,
                }).ToArray()),
            };
            output.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }
        output.WriteLine($"{folder.Root}: {manifest.Runs.Count} runs: {StateCounts.Describe(rows.Select(r => r.State))}" +
                         (jobs.Count > 0 ? $" (Slurm jobs {string.Join(", ", jobs.Select(j => j.Job))})" : ""));
        output.WriteLine($"  {"#",4}  {"id",-8}  {"state",-11}  {"wall (s)",8}  changes");
        foreach (var r in rows)
            output.WriteLine($"  {r.Run.Index,4}  {r.Run.Id,-8}  {r.State,-11}  {(r.Status.WallSeconds is { } w ? w.ToString("F1", CultureInfo.InvariantCulture) : ""),8}  {r.Run.Description}" +
                             (r.Status.Error is { } e ? $"\n        error: {e}" : ""));
        foreach (var note in notes.Distinct()) output.WriteLine($"note: {note}");
    }
}
