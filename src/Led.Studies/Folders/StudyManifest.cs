using System.Text.Json;
using System.Text.Json.Serialization;

namespace Led.Studies.Folders;

/// <summary>
/// <c>study.json</c>: what a study folder holds — the config and overrides it was expanded from, the axes and the runs —
/// so that <c>led sweep status</c> and <c>led report</c> work from the folder alone.
/// </summary>
public sealed record StudyManifest(string Config, IReadOnlyList<string> Overrides, IReadOnlyList<StudyAxis> Axes, IReadOnlyList<StudyRun> Runs)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static StudyManifest From(SweepPlan plan, IReadOnlyList<SharedDataset> datasets, IReadOnlyList<SharedAutoencoder> autoencoders,
        string configPath, IReadOnlyList<string> overrides) =>
        new(Path.GetFullPath(configPath), overrides,
            plan.Axes.Select(a => new StudyAxis(a.Path, a.Name, a.Kind, a.Labels, a.Numbers)).ToList(),
            plan.Runs.Select(r => new StudyRun(r.Index, r.Id, r.Changes.ToDictionary(c => c.Axis.Path, c => c.ValueIndex), r.Describe(),
                datasets.FirstOrDefault(d => d.Runs.Contains(r.Index))?.Key,
                autoencoders.FirstOrDefault(a => a.Runs.Contains(r.Index))?.Key)).ToList());

    public void Write(string path)
    {
        string temp = path + $".tmp-{Environment.ProcessId}";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads <c>study.json</c>; throws <see cref="InvalidDataException"/> naming the file when it cannot.</summary>
    public static StudyManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<StudyManifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a study manifest: {ex.Message}", ex);
        }
    }

    /// <summary>The label of <paramref name="run"/> on <paramref name="axis"/> ("" when the run does not set it).</summary>
    public static string Label(StudyRun run, StudyAxis axis) => run.Values.TryGetValue(axis.Path, out int i) ? axis.Labels[i] : "";
}
