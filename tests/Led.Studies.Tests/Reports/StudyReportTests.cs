using System.Globalization;
using System.Text.Json.Nodes;
using Led.Studies.Folders;
using Led.Studies.Planning;
using Led.Studies.Reports;

namespace Led.Studies.Tests.Reports;

public sealed class StudyReportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("led-study-report").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void APerInitialConditionMetricIsShownPerCategoryOverEveryInitialConditionOfEverySeed()
    {
        // Three propagators zipped with a mode (two modes: fewer categories, so not plotted per initial condition), two seeds.
        var plan = SweepExpander.Expand(JsonNode.Parse("""
            { "system": { "name": "Oscillator" },
              "sweep": { "zip": { "propagator": [ { "name": "A" }, { "name": "B" }, { "name": "C" } ], "training.mode": ["sequential", "endToEnd", "sequential"] },
                         "repeat": 2 } }
            """)!.AsObject(), [])!;
        var study = new StudyFolder(_root);
        string config = Path.Combine(_root, "study.json");
        study.Prepare(plan, [], [], StudyManifest.From(plan, [], [], config, []), config);
        foreach (var (run, index) in plan.Runs.Select((r, i) => (r, i)))
        {
            string name = ConfigPath.Get(run.Document, "propagator.name")!.GetValue<string>();
            int seed = ConfigPath.Get(run.Document, "seed")!.GetValue<int>();
            Directory.CreateDirectory(study.RunDirectory(run.Id));
            File.WriteAllText(Path.Combine(study.RunDirectory(run.Id), "metrics.json"), """{ "mnad_v": 0.5, "wall_seconds": 3 }""");
            // Propagator A: initial conditions score 1, 2, 3, 4 (seed 1) and 5, 6, 7, 8 (seed 2); B and C ten and a hundred times that.
            double scale = name switch { "A" => 1, "B" => 10, _ => 100 };
            var lines = new List<string> { "ic,mnad,mnad_v" };
            for (int ic = 0; ic < 4; ic++)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{ic},0,{scale * (4 * (seed - 1) + ic + 1)}"));
            File.WriteAllLines(Path.Combine(study.RunDirectory(run.Id), "forecast_per_ic.csv"), lines);
        }
        Assert.Equal([5.0, 6, 7, 8], study.PerInitialCondition(plan.Runs[1].Id, "mnad_v"));
        Assert.Empty(study.PerInitialCondition(plan.Runs[1].Id, "nrmse"));

        var files = StudyReport.Write(study, StudyManifest.Read(study.ManifestFile), ["mnad_v"], Path.Combine(_root, "report"));

        string plot = Path.Combine(_root, "report", "plots", "mnad_v_per_ic_by_propagator.png");
        Assert.Contains(plot, files);
        Assert.True(new FileInfo(plot).Length > 1000);
        Assert.DoesNotContain(files, f => f.Contains("per_ic_by_mode", StringComparison.Ordinal));
        var markdown = File.ReadAllText(Path.Combine(_root, "report", "report.md"));
        Assert.Contains("## mnad_v per initial condition, by propagator", markdown);
        // Eight values 1 … 8: mean 4.5, median 4.5, quartiles 2.75 and 6.25 (linear interpolation).
        Assert.Contains("| A | 8 | 4.5 | 4.5 | 2.75–6.25 | 1 | 8 |", markdown);
        Assert.Contains("| C | 8 | 450 | 450 | 275–625 | 100 | 800 |", markdown);
        Assert.Contains("![mnad_v_per_ic_by_propagator](plots/mnad_v_per_ic_by_propagator.png)", markdown);
    }

    [Fact]
    public void AnAxisZippedWithAnEarlierOneGetsNoFigureOfItsOwn()
    {
        // Encoders zipped with their training sections (the closed-form ones take none), against d_z.
        var plan = SweepExpander.Expand(JsonNode.Parse("""
            { "system": { "name": "Oscillator" },
              "sweep": { "zip": { "encoder": [ { "name": "Pca" }, { "name": "Fitted" }, { "name": "Trained" } ],
                                  "training": [ {}, {}, { "maxEpochs": 3 } ] },
                         "grid": { "encoder.options.latentDim": [1, 2, 4] } } }
            """)!.AsObject(), [])!;
        var study = new StudyFolder(_root);
        string config = Path.Combine(_root, "study.json");
        study.Prepare(plan, [], [], StudyManifest.From(plan, [], [], config, []), config);
        foreach (var (run, index) in plan.Runs.Select((r, i) => (r, i)))
        {
            Directory.CreateDirectory(study.RunDirectory(run.Id));
            File.WriteAllText(Path.Combine(study.RunDirectory(run.Id), "metrics.json"),
                string.Create(CultureInfo.InvariantCulture, $$"""{ "reconstruction_mse": {{1e-3 / (index + 1)}}, "wall_seconds": 3 }"""));
        }

        var files = StudyReport.Write(study, StudyManifest.Read(study.ManifestFile), ["reconstruction_mse"], Path.Combine(_root, "report"));

        Assert.Contains(files, f => f.EndsWith("reconstruction_mse_by_encoder.png", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("reconstruction_mse_vs_", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("by_training", StringComparison.Ordinal));
    }
}
