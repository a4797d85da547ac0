using System.Text.Json.Nodes;
using Led.Studies.Folders;
using Led.Studies.Planning;
using Led.Studies.Reports;
using Led.Studies.Sharing;

namespace Led.Studies.Tests.Folders;

public sealed class StudyFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("led-study").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SweepPlan Plan() => SweepExpander.Expand(JsonNode.Parse("""
        { "system": { "name": "Oscillator" }, "plugins": ["extra"],
          "sweep": { "grid": { "encoder": [ { "name": "Pca" }, { "name": "Mlp" } ], "encoder.options.latentDim": [1, 2, 4] }, "repeat": 2 } }
        """)!.AsObject(), [])!;

    [Fact]
    public void TheStateOfARunIsReadFromItsFiles()
    {
        var study = new StudyFolder(_root);
        Assert.Equal(RunState.Pending, study.Status("aaaa0000").State);

        Directory.CreateDirectory(Path.Combine(_root, ".aaaa0000.incomplete-123"));
        Assert.Equal(RunState.Incomplete, study.Status("aaaa0000").State);
        study.Reset("aaaa0000");
        Assert.Equal(RunState.Pending, study.Status("aaaa0000").State);

        study.RecordFailure("aaaa0000", "exit code 1: it diverged");
        var failed = study.Status("aaaa0000");
        Assert.Equal((RunState.Failed, "exit code 1: it diverged"), (failed.State, failed.Error));

        Directory.CreateDirectory(Path.Combine(_root, "bbbb0000.failed"));
        File.WriteAllText(Path.Combine(_root, "bbbb0000.failed", "error.txt"), "interrupted\n");
        Assert.Equal(RunState.Interrupted, study.Status("bbbb0000").State);

        Directory.CreateDirectory(Path.Combine(_root, "aaaa0000"));
        File.WriteAllText(Path.Combine(_root, "aaaa0000", "metrics.json"), """{ "mnad": 0.25, "nrmse": null, "wall_seconds": 12.5 }""");
        var completed = study.Status("aaaa0000");
        Assert.Equal(RunState.Completed, completed.State);
        Assert.Equal(0.25, completed.Metrics["mnad"]);
        Assert.True(double.IsNaN(completed.Metrics["nrmse"]));
        Assert.Equal(12.5, completed.WallSeconds);
    }

    [Fact]
    public void PrepareWritesTheManifestAndEveryRunsConfigWithSharedStagesAndAbsolutePluginFolders()
    {
        var plan = Plan();
        var study = new StudyFolder(_root);
        var datasets = new[] { new SharedDataset("0123456789ab", [0, 1]) };
        var autoencoders = new[] { new SharedAutoencoder("ba9876543210", [1, 0]) };
        string config = Path.Combine(_root, "configs-here", "study.json");
        study.Prepare(plan, datasets, autoencoders, StudyManifest.From(plan, datasets, autoencoders, config, ["seed=3"]), config);

        var manifest = StudyManifest.Read(study.ManifestFile);
        Assert.Equal(12, manifest.Runs.Count);
        Assert.Equal(["seed=3"], manifest.Overrides);
        Assert.Equal(plan.Runs.Select(r => r.Id), manifest.Runs.Select(r => r.Id));
        Assert.Equal(["encoder", "encoder.options.latentDim", "seed"], manifest.Axes.Select(a => a.Path));
        Assert.Equal([SweepAxisKind.Category, SweepAxisKind.Numeric, SweepAxisKind.Seed], manifest.Axes.Select(a => a.Kind));
        Assert.Equal([1.0, 2.0, 4.0], manifest.Axes[1].Numbers.Select(n => n!.Value));
        Assert.Equal("0123456789ab", manifest.Runs[1].Dataset);
        Assert.Null(manifest.Runs[2].Dataset);
        Assert.Equal("ba9876543210", manifest.Runs[0].Autoencoder);
        Assert.Null(manifest.Runs[2].Autoencoder);
        Assert.Equal("Mlp", StudyManifest.Label(manifest.Runs[7], manifest.Axes[0]));

        var first = JsonNode.Parse(File.ReadAllText(study.ConfigFile(plan.Runs[0].Id)))!;
        Assert.Equal(study.DatasetFile("0123456789ab"), first["data"]!["path"]!.GetValue<string>());
        Assert.Equal(Path.Combine(_root, "configs-here", "extra"), first["plugins"]![0]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(File.ReadAllText(study.ConfigFile(plan.Runs[2].Id)))!["data"]);
        var simulate = JsonNode.Parse(File.ReadAllText(study.DatasetConfigFile("0123456789ab")))!;
        Assert.Null(simulate["data"]);
        Assert.Equal(1, simulate["seed"]!.GetValue<int>());

        // Runs reuse the shared autoencoder; its own training config reads the shared data and trains it (no training.autoencoder).
        Assert.Equal(Path.Combine(study.AutoencoderDirectory("ba9876543210"), "model"), first["training"]!["autoencoder"]!.GetValue<string>());
        var pretrain = JsonNode.Parse(File.ReadAllText(study.AutoencoderConfigFile("ba9876543210")))!;
        Assert.Equal(study.DatasetFile("0123456789ab"), pretrain["data"]!["path"]!.GetValue<string>());
        Assert.Null(pretrain["training"]?["autoencoder"]);
        Assert.False(study.HasAutoencoder("ba9876543210"));
    }

    [Fact]
    public void ARunThatFitsItsPropagatorOnASharedAutoencoderLeavesOutTheOptimisersOptions()
    {
        // Runs 0 and 1 share an autoencoder; run 1's propagator is fitted, so nothing of its own is trained by gradient.
        var plan = SweepExpander.Expand(JsonNode.Parse("""
            { "system": { "name": "Oscillator" }, "training": { "optimizer": "adam", "learningRate": 0.01, "maxMinutes": 2, "patience": 5 },
              "sweep": { "propagator": [ { "name": "Lstm" }, { "name": "Linear" } ] } }
            """)!.AsObject(), [])!;
        var study = new StudyFolder(_root);
        var autoencoders = new[] { new SharedAutoencoder("ba9876543210", [0, 1], [1]) };
        string config = Path.Combine(_root, "study.json");
        study.Prepare(plan, [], autoencoders, StudyManifest.From(plan, [], autoencoders, config, []), config);
        var trained = JsonNode.Parse(File.ReadAllText(study.ConfigFile(plan.Runs[0].Id)))!["training"]!.AsObject();
        var fitted = JsonNode.Parse(File.ReadAllText(study.ConfigFile(plan.Runs[1].Id)))!["training"]!.AsObject();
        Assert.Equal(["optimizer", "learningRate", "maxMinutes", "patience", "autoencoder"], trained.Select(p => p.Key));
        Assert.Equal(["autoencoder"], fitted.Select(p => p.Key));
        // The shared autoencoder's own config keeps them: they train it.
        var pretrain = JsonNode.Parse(File.ReadAllText(study.AutoencoderConfigFile("ba9876543210")))!["training"]!.AsObject();
        Assert.Equal(["optimizer", "learningRate", "maxMinutes", "patience"], pretrain.Select(p => p.Key));
    }

    [Fact]
    public void TheReportTabulatesEveryRunAndPlotsTheAxes()
    {
        var plan = Plan();
        var study = new StudyFolder(_root);
        string config = Path.Combine(_root, "study.json");
        study.Prepare(plan, [], [], StudyManifest.From(plan, [], [], config, []), config);
        foreach (var run in plan.Runs.Take(11))
        {
            int dim = ConfigPath.Get(run.Document, "encoder.options.latentDim")!.GetValue<int>();
            int seed = ConfigPath.Get(run.Document, "seed")!.GetValue<int>();
            bool pca = ConfigPath.Get(run.Document, "encoder.name")!.GetValue<string>() == "Pca";
            double mnad = (pca ? 1.0 : 0.5) / dim + 0.01 * seed;
            Directory.CreateDirectory(study.RunDirectory(run.Id));
            File.WriteAllText(Path.Combine(study.RunDirectory(run.Id), "metrics.json"),
                $$"""{ "mnad": {{mnad}}, "reconstruction_mse": {{mnad / 10}}, "extra_metric": 1, "wall_seconds": 3 }""");
        }
        study.RecordFailure(plan.Runs[11].Id, "exit code 1: \"quoted\", with a comma");

        var files = StudyReport.Write(study, StudyManifest.Read(study.ManifestFile), null, Path.Combine(_root, "report"));

        var csv = File.ReadAllLines(Path.Combine(_root, "report", "report.csv"));
        Assert.Equal("index,id,status,encoder,encoder.options.latentDim,seed,wall_seconds,extra_metric,mnad,reconstruction_mse,error", csv[0]);
        Assert.Equal(13, csv.Length);
        Assert.StartsWith($"0,{plan.Runs[0].Id},completed,Pca,1,1,3,1,1.01,", csv[1], StringComparison.Ordinal);
        Assert.Equal($"11,{plan.Runs[11].Id},failed,Mlp,4,2,,,,,\"exit code 1: \"\"quoted\"\", with a comma\"", csv[12]);

        var markdown = File.ReadAllText(Path.Combine(_root, "report", "report.md"));
        Assert.Contains("| # | id | encoder | latentDim | seed | status | wall (s) | mnad | reconstruction_mse |", markdown);
        Assert.Contains("12 runs: 11 completed, 1 failed.", markdown);
        Assert.Contains($"- run 11 `{plan.Runs[11].Id}` (encoder=Mlp, latentDim=4, seed=2): exit code 1", markdown);
        Assert.Contains("![mnad_vs_latentDim](plots/mnad_vs_latentDim.png)", markdown);

        foreach (var name in new[] { "mnad_vs_latentDim", "mnad_by_encoder", "reconstruction_mse_vs_latentDim", "reconstruction_mse_by_encoder" })
            foreach (var extension in new[] { ".png", ".svg" })
            {
                string file = Path.Combine(_root, "report", "plots", name + extension);
                Assert.Contains(file, files);
                Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
            }
        Assert.Equal(8, Directory.GetFiles(Path.Combine(_root, "report", "plots")).Length);
        Assert.Contains("Pca", File.ReadAllText(Path.Combine(_root, "report", "plots", "mnad_vs_latentDim.svg")));
    }
}
