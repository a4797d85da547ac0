using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Studies.Folders;

namespace Led.Studies.Slurm;

/// <summary><c>slurm/jobs.json</c>: the jobs submitted for a study, oldest first; and <c>slurm/job-id</c>, the last array job.</summary>
public static class SlurmJobLog
{
    /// <summary>Appends a submitted job to <c>slurm/jobs.json</c> and writes its id to <c>slurm/job-id</c> (array jobs).</summary>
    public static void Record(StudyFolder study, SlurmJobRecord job, string script)
    {
        string file = File(study);
        var jobs = System.IO.File.Exists(file) ? JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsArray() : new JsonArray();
        jobs.Add(new JsonObject
        {
            ["job"] = job.Job,
            ["kind"] = KindName(job.Kind),
            ["indices"] = new JsonArray(job.Indices.Select(i => (JsonNode)i).ToArray()),
            ["script"] = script,
            ["submitted"] = DateTimeOffset.UtcNow.ToString("O"),
        });
        System.IO.File.WriteAllText(file + ".tmp", jobs.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        System.IO.File.Move(file + ".tmp", file, overwrite: true);
        if (job.Kind == SlurmJobKind.Array) System.IO.File.WriteAllText(Path.Combine(study.SlurmDirectory, "job-id"), job.Job + "\n");
    }

    /// <summary>The jobs submitted for a study, oldest first.</summary>
    public static IReadOnlyList<SlurmJobRecord> Read(StudyFolder study)
    {
        string file = File(study);
        if (!System.IO.File.Exists(file)) return [];
        return JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsArray()
            .Select(j => new SlurmJobRecord(j!["job"]!.GetValue<string>(),
                j["kind"]!.GetValue<string>() == KindName(SlurmJobKind.Prepare) ? SlurmJobKind.Prepare : SlurmJobKind.Array,
                j["indices"]!.AsArray().Select(i => i!.GetValue<int>()).ToList()))
            .ToList();
    }

    private static string File(StudyFolder study) => Path.Combine(study.SlurmDirectory, "jobs.json");

    private static string KindName(SlurmJobKind kind) => kind.ToString().ToLowerInvariant();
}
