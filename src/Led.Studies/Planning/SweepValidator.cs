using System.Text;
using Led.Hosting.Components;
using Led.Hosting.Configuration;

namespace Led.Studies.Planning;

/// <summary>
/// Validates every expanded run as <c>led validate</c> does a single config: keys, values, component names and options
/// (<see cref="ExperimentLoader"/> with the plugin registry), then the caller's checks (components created, shapes).
/// </summary>
public static class SweepValidator
{
    /// <summary>
    /// Returns the bound experiment of each valid run, keyed by run index; the problems of the others, each naming its
    /// run and JSON path, go to <paramref name="errors"/>. <paramref name="only"/> limits the runs checked.
    /// </summary>
    public static IReadOnlyDictionary<int, Experiment> Validate(SweepPlan plan, ComponentRegistry registry, string? source,
        Func<Experiment, IEnumerable<string>>? checks, List<SweepError> errors, IEnumerable<int>? only = null)
    {
        var experiments = new Dictionary<int, Experiment>();
        var wanted = only?.ToHashSet();
        foreach (var run in plan.Runs.Where(r => wanted is null || wanted.Contains(r.Index)))
        {
            var problems = new List<ConfigError>();
            using var json = new MemoryStream(Encoding.UTF8.GetBytes(run.Document.ToJsonString()));
            var root = ExperimentLoader.Read(json, run.ToString(), null, problems);
            var experiment = problems.Count == 0 ? ExperimentLoader.Bind(root, registry, source, problems) : null;
            errors.AddRange(problems.Select(p => new SweepError(run, p.ToString())));
            if (experiment is null) continue;
            var more = checks?.Invoke(experiment).ToList() ?? [];
            errors.AddRange(more.Select(m => new SweepError(run, m)));
            if (more.Count == 0) experiments[run.Index] = experiment;
        }
        return experiments;
    }
}
