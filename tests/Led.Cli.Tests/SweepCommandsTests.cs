using System.Text.Json.Nodes;

namespace Led.Cli.Tests;

public sealed class SweepCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-sweep").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Study = TinyExperiment.Study("""
        { "zip": { "encoder.options.latentDim": [2, 4, 8, 8], "data.path": [null, null, null, "broken.h5"] } }
        """);

    private string Config(string json)
    {
        string path = Path.Combine(_dir, "study.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void PlanRunResumeRetryAndReport()
    {
        string config = Config(Study);
        File.WriteAllText(Path.Combine(_dir, "broken.h5"), "not an HDF5 file");
        string study = Path.Combine(_dir, "study");

        // plan: lists the runs, validates them, writes nothing.
        var plan = LedProcess.Run(_dir, "sweep", "plan", config, "--json");
        Assert.True(plan.ExitCode == 0, plan.Out + plan.Error);
        var runs = Json(plan.Out)["runs"]!.AsArray();
        Assert.Equal(4, runs.Count);
        var ids = runs.Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}$", id));
        Assert.Equal(["2", "4", "8", "8"], runs.Select(r => r!["changes"]!["encoder.options.latentDim"]!.GetValue<string>()));
        Assert.Equal("broken.h5", runs[3]!["changes"]!["data.path"]!.GetValue<string>());
        string dataset = runs[0]!["dataset"]!.GetValue<string>();
        Assert.Equal([dataset, dataset, dataset, null], runs.Select(r => r!["dataset"]?.GetValue<string>()));
        Assert.False(Directory.Exists(study));
        var text = LedProcess.Run(_dir, "sweep", "plan", config);
        Assert.Contains($"     3  {ids[3]}  pending      latentDim=8, path=broken.h5", text.Out);

        // run: three runs complete (sharing one simulated dataset); the fourth fails without stopping them.
        var first = LedProcess.Run(_dir, "sweep", "run", config, "--jobs", "2");
        Assert.True(first.ExitCode == 1, first.Out + first.Error);
        Assert.Contains("4 to run with 2 workers", first.Out);
        Assert.Contains($"failed run 3 ({ids[3]}: latentDim=8, path=broken.h5)", first.Out);
        Assert.Contains("sweep: 3 completed, 1 failed", first.Out);
        foreach (var id in ids.Take(3))
        {
            Assert.True(File.Exists(Path.Combine(study, id, "metrics.json")), $"{id}: {first.Out}");
            Assert.False(File.Exists(Path.Combine(study, id, "data.h5")), "runs read the shared dataset instead of simulating their own");
            Assert.Equal(Path.Combine(study, "data", dataset + ".h5"), Json(File.ReadAllText(Path.Combine(study, "configs", id + ".json")))["data"]!["path"]!.GetValue<string>());
        }
        Assert.Equal([dataset + ".h5"], Directory.GetFiles(Path.Combine(study, "data"), "*.h5").Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(study, ids[3])));
        Assert.Contains("cannot be read as an LED.NET dataset", File.ReadAllText(Path.Combine(study, "logs", ids[3] + ".error")));
        var written = ids.Take(3).Select(id => File.GetLastWriteTimeUtc(Path.Combine(study, id, "metrics.json"))).ToList();

        // Rerun: completed runs are skipped, the failed one is not retried without --retry-failed.
        var again = LedProcess.Run(_dir, "sweep", "run", config);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("3 completed earlier, 1 failed earlier (not retried without --retry-failed), 0 to run", again.Out);
        Assert.DoesNotContain("started", again.Out);
        Assert.Equal(written, ids.Take(3).Select(id => File.GetLastWriteTimeUtc(Path.Combine(study, id, "metrics.json"))));

        // Status reads the same back, with the recorded error.
        var status = Json(LedProcess.Run(_dir, "sweep", "status", study, "--json").Out);
        Assert.Equal(3, status["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, status["counts"]!["failed"]!.GetValue<int>());
        Assert.Contains("cannot be read as an LED.NET dataset", status["runs"]![3]!["error"]!.GetValue<string>());

        // Repair the input and retry the failed run only.
        File.Copy(Path.Combine(study, "data", dataset + ".h5"), Path.Combine(_dir, "broken.h5"), overwrite: true);
        var retry = LedProcess.Run(_dir, "sweep", "run", config, "--retry-failed");
        Assert.True(retry.ExitCode == 0, retry.Out + retry.Error);
        Assert.Contains("3 completed earlier, 1 to run with 1 worker", retry.Out);
        Assert.Contains("sweep: 4 completed", retry.Out);
        Assert.True(File.Exists(Path.Combine(study, ids[3], "metrics.json")));
        Assert.False(File.Exists(Path.Combine(study, "logs", ids[3] + ".error")));
        Assert.False(Directory.Exists(Path.Combine(study, ids[3] + ".failed")));
        Assert.Equal(written, ids.Take(3).Select(id => File.GetLastWriteTimeUtc(Path.Combine(study, id, "metrics.json"))));

        // Report: the table and plots from the sweep axes.
        var report = LedProcess.Run(_dir, "report", study);
        Assert.True(report.ExitCode == 0, report.Out + report.Error);
        var csv = File.ReadAllLines(Path.Combine(study, "report.csv"));
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("index,id,status,encoder.options.latentDim,data.path,wall_seconds,", csv[0], StringComparison.Ordinal);
        Assert.All(csv.Skip(1), line => Assert.Contains(",completed,", line));
        var metrics = Json(File.ReadAllText(Path.Combine(study, ids[1], "metrics.json")));
        int mnadColumn = Array.IndexOf(csv[0].Split(','), "mnad");
        Assert.Equal(metrics["mnad"]!.GetValue<double>(), double.Parse(csv[2].Split(',')[mnadColumn], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"| 3 | {ids[3]} | 8 | broken.h5 | completed |", File.ReadAllText(Path.Combine(study, "report.md")));
        foreach (var plot in new[] { "mnad_vs_latentDim", "mnad_by_path" })
            foreach (var extension in new[] { ".png", ".svg" })
                Assert.True(new FileInfo(Path.Combine(study, "plots", plot + extension)).Length > 1000, plot + extension);
    }

    [Fact]
    public void APropagatorStudyTrainsTheAutoencoderOnceAndEveryRunReusesIt()
    {
        const string pca = "\"name\": \"Pca\", \"options\": { \"latentDim\": 8 }";
        const string mlp = "\"name\": \"MlpAutoencoder\", \"options\": { \"latentDim\": 3, \"width\": 12, \"layers\": 2 }";
        string config = Config(TinyExperiment.Study("""{ "grid": { "propagator.options.hidden": [8, 16] } }""").Replace(pca, mlp));
        string single = Path.Combine(_dir, "single.json");
        File.WriteAllText(single, TinyExperiment.Json.Replace(pca, mlp));
        string study = Path.Combine(_dir, "study");

        var plan = LedProcess.Run(_dir, "sweep", "plan", config, "--json");
        Assert.True(plan.ExitCode == 0, plan.Out + plan.Error);
        var runs = Json(plan.Out)["runs"]!.AsArray();
        string key = runs[0]!["autoencoder"]!.GetValue<string>();
        Assert.Equal(key, runs[1]!["autoencoder"]!.GetValue<string>());
        Assert.Contains($"shared autoencoder {key} (trained once) for runs 0-1", LedProcess.Run(_dir, "sweep", "plan", config).Out);

        var run = LedProcess.Run(_dir, "sweep", "run", config, "--jobs", "2");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains($"shared autoencoder {key} ready", run.Out);
        string model = Path.Combine(study, "autoencoders", key, "model");
        Assert.True(File.Exists(Path.Combine(model, "autoencoder.bin")));
        Assert.False(File.Exists(Path.Combine(model, "propagator.bin")));
        var reconstruction = new List<double>();
        foreach (var id in runs.Select(r => r!["id"]!.GetValue<string>()))
        {
            Assert.Equal(model, Json(File.ReadAllText(Path.Combine(study, "configs", id + ".json")))["training"]!["autoencoder"]!.GetValue<string>());
            Assert.Contains($"autoencoder: reused from {model} (frozen)", File.ReadAllText(Path.Combine(study, id, "log.txt")));
            Assert.False(File.Exists(Path.Combine(study, id, "training_autoencoder.csv")), "the run trained its own autoencoder");
            reconstruction.Add(Json(File.ReadAllText(Path.Combine(study, id, "metrics.json")))["autoencoder_validation_mse_scaled"]!.GetValue<double>());
        }

        // The shared autoencoder is the one a run trains by itself with the same seed: same reconstruction error, bit for bit.
        var alone = LedProcess.Run(_dir, "run", single, "--set", "propagator.options.hidden=8", "--out", Path.Combine(_dir, "alone"));
        Assert.True(alone.ExitCode == 0, alone.Out + alone.Error);
        double own = Json(File.ReadAllText(Path.Combine(_dir, "alone", "metrics.json")))["autoencoder_validation_mse_scaled"]!.GetValue<double>();
        Assert.Equal([own, own], reconstruction);
        Assert.True(double.IsFinite(own) && own > 0, $"reconstruction MSE {own}");

        // A reused autoencoder must fit the run's data: other data are refused with the fix named.
        var other = LedProcess.Run(_dir, "run", single, "--set", "training.autoencoder=" + model, "--set", "system.options.frequency=2.5",
            "--out", Path.Combine(_dir, "other"));
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("training.autoencoder: the autoencoder in", other.Error);
        Assert.Contains("remove training.autoencoder to train one", other.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "other")));
    }

    [Fact]
    public void InvalidRunsAreReportedBeforeAnythingRunsAndLedRunPointsToSweep()
    {
        string config = Config(Study.Replace("\"zip\": { \"encoder.options.latentDim\": [2, 4, 8, 8], \"data.path\": [null, null, null, \"broken.h5\"] }",
            "\"grid\": { \"system.options.frequency\": [1.3, -1], \"encoder.options.latentDim\": [2, 4] }"));
        foreach (var command in new[] { "plan", "run" })
        {
            var (code, stdout, stderr) = LedProcess.Run(_dir, "sweep", command, config);
            Assert.Equal(2, code);
            var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, errors.Count);
            Assert.Matches(@"^error: run 2 \([0-9a-f]{8}: frequency=-1, latentDim=2\): system\.options\.frequency: frequency must be positive$", errors[0]);
            Assert.Matches(@"^error: run 3 \([0-9a-f]{8}: frequency=-1, latentDim=4\): system\.options\.frequency: frequency must be positive$", errors[1]);
            Assert.Equal("", stdout);
        }
        Assert.False(Directory.Exists(Path.Combine(_dir, "study")), "nothing runs or is written when a run is invalid");

        var single = LedProcess.Run(_dir, "run", config);
        Assert.Equal(2, single.ExitCode);
        Assert.Contains("error: sweep: this config has a sweep section (a study of several runs), which a single run does not take: run it as a study, or remove the section; `led sweep run <config>` runs the study", single.Error);
    }

    public static TheoryData<string> ShippedStudies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Led.Testing.RepositoryPaths.Root, "configs"), "*.json", SearchOption.AllDirectories)
                     .Where(f => File.ReadAllText(f).Contains("\"sweep\"", StringComparison.Ordinal)).Order())
            data.Add(Path.GetRelativePath(Led.Testing.RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedStudies))]
    public void ShippedStudiesAreValid(string config)
    {
        var (code, stdout, stderr) = LedProcess.Run(Led.Testing.RepositoryPaths.Root, "sweep", "plan", config);
        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(@"all [0-9]+ runs are valid", stdout);
    }

    [Fact]
    public async Task TwoSweepRunnersOnOneStudySplitItsRuns()
    {
        string config = Config(TinyExperiment.Study("""{ "grid": { "encoder.options.latentDim": [2, 4, 6, 8] } }"""));
        var runners = Enumerable.Range(0, 2).Select(_ => Task.Run(() => LedProcess.Run(_dir, "sweep", "run", config, "--jobs", "1"))).ToArray();
        var outputs = await Task.WhenAll(runners);
        // Each waits for the runs the other holds, so both end with the whole study done.
        foreach (var (code, stdout, stderr) in outputs)
        {
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("sweep: 4 completed in", stdout);
        }
        string study = Path.Combine(_dir, "study");
        var ids = Directory.GetFiles(Path.Combine(study, "configs"), "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(4, ids.Count);
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(study, id!, "metrics.json")), string.Join("\n", outputs.Select(o => o.Out))));
        // Every run was started by exactly one of the runners.
        var started = outputs.SelectMany(o => o.Out.Split('\n')).Where(l => l.Contains("] started run ")).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids.Where(id => started.Count(l => l.Contains($"({id}:")) == 1).Order(StringComparer.Ordinal));
        Assert.Equal(4, started.Count);
        Assert.Empty(Directory.GetFiles(Path.Combine(study, "locks")));
    }
}
