using System.Text.Json.Nodes;
using Led.Hosting.Configuration;
using Led.Studies.Planning;

namespace Led.Studies.Tests.Planning;

public sealed class SweepExpanderTests
{
    private const string Base = """
        "system": { "name": "Oscillator", "options": { "frequency": 1.3 } },
        "encoder": { "name": "Pca", "options": { "latentDim": 8 } },
        "training": { "maxEpochs": 4 },
        "output": { "directory": "results/study" },
        "seed": 10
        """;

    private static SweepPlan Expand(string sweep, List<ConfigError>? errors = null)
    {
        errors ??= [];
        var plan = SweepExpander.Expand(JsonNode.Parse($$"""{ {{Base}}, "sweep": {{sweep}} }""")!.AsObject(), errors);
        Assert.True(plan is not null, string.Join("\n", errors));
        return plan!;
    }

    private static List<ConfigError> Errors(string sweep)
    {
        var errors = new List<ConfigError>();
        Assert.Null(SweepExpander.Expand(JsonNode.Parse($$"""{ {{Base}}, "sweep": {{sweep}} }""")!.AsObject(), errors));
        Assert.NotEmpty(errors);
        return errors;
    }

    private static JsonNode? At(SweepRun run, string path) => ConfigPath.Get(run.Document, path);

    [Fact]
    public void AGridIsEveryCombinationWithTheFirstAxisSlowest()
    {
        var plan = Expand("""{ "grid": { "encoder.options.latentDim": [2, 4], "training.learningRate": [0.1, 0.01, 0.001] } }""");

        Assert.Equal(6, plan.Runs.Count);
        Assert.Equal([2, 2, 2, 4, 4, 4], plan.Runs.Select(r => At(r, "encoder.options.latentDim")!.GetValue<int>()));
        Assert.Equal([0.1, 0.01, 0.001, 0.1, 0.01, 0.001], plan.Runs.Select(r => At(r, "training.learningRate")!.GetValue<double>()));
        Assert.All(plan.Runs, r => Assert.Equal(4, At(r, "training.maxEpochs")!.GetValue<int>()));
        Assert.All(plan.Runs, r => Assert.False(ConfigPath.Has(r.Document, "sweep")));
        Assert.False(ConfigPath.Has(plan.BaseDocument, "sweep"));
        Assert.Equal(Enumerable.Range(0, 6), plan.Runs.Select(r => r.Index));
        Assert.Equal(6, plan.Runs.Select(r => r.Id).Distinct().Count());
        Assert.All(plan.Runs, r => Assert.Matches("^[0-9a-f]{8}$", r.Id));
        Assert.Equal("latentDim=4, learningRate=0.01", plan.Runs[4].Describe());
        Assert.Equal([SweepAxisKind.Numeric, SweepAxisKind.Numeric], plan.Axes.Select(a => a.Kind));
        Assert.Equal("results/study", plan.DefaultStudyDirectory);
    }

    [Fact]
    public void KeysBesideGridAreGridAxesToo()
    {
        var plan = Expand("""{ "encoder.options.latentDim": [2, 4], "grid": { "training.maxEpochs": [1, 2] } }""");
        Assert.Equal(4, plan.Runs.Count);
        Assert.Equal([2, 2, 4, 4], plan.Runs.Select(r => At(r, "encoder.options.latentDim")!.GetValue<int>()));
    }

    [Fact]
    public void ZipPairsListsAndCrossesThemWithTheGrid()
    {
        var plan = Expand("""
            { "grid": { "encoder.options.latentDim": [2, 4] },
              "zip": { "propagator.options.hidden": [16, 64, 128], "training.learningRate": [0.01, 0.003, 0.001] } }
            """);

        Assert.Equal(6, plan.Runs.Count);
        var pairs = plan.Runs.Select(r => (At(r, "propagator.options.hidden")!.GetValue<int>(), At(r, "training.learningRate")!.GetValue<double>())).ToList();
        Assert.Equal([(16, 0.01), (64, 0.003), (128, 0.001), (16, 0.01), (64, 0.003), (128, 0.001)], pairs);
        Assert.Equal("""{"options":{"hidden":16}}""", plan.Runs[0].Document["propagator"]!.ToJsonString());

        var several = Expand("""{ "zip": [ { "encoder.options.latentDim": [2, 4] }, { "seed": [1, 2, 3], "training.maxEpochs": [5, 6, 7] } ] }""");
        Assert.Equal(6, several.Runs.Count);
    }

    [Fact]
    public void ZippedListsOfDifferentLengthsAreAnError()
    {
        var error = Assert.Single(Errors("""{ "zip": { "propagator.options.hidden": [16, 64], "training.learningRate": [0.01] } }"""));
        Assert.Equal("sweep.zip", error.Path);
        Assert.Equal("zipped lists must have the same length; got propagator.options.hidden: 2, training.learningRate: 1", error.Message);
    }

    [Fact]
    public void RepeatCountsSeedsUpFromTheConfigsSeedOrTakesAList()
    {
        var plan = Expand("""{ "encoder.options.latentDim": [2, 4], "repeat": 3 }""");
        Assert.Equal(6, plan.Runs.Count);
        Assert.Equal([10, 11, 12, 10, 11, 12], plan.Runs.Select(r => At(r, "seed")!.GetValue<int>()));
        Assert.Equal(SweepAxisKind.Seed, plan.Axes[^1].Kind);
        Assert.Equal("latentDim=4, seed=11", plan.Runs[4].Describe());

        Assert.Equal([7, 9], Expand("""{ "repeat": [7, 9] }""").Runs.Select(r => At(r, "seed")!.GetValue<int>()));

        var twice = Assert.Single(Errors("""{ "seed": [1, 2], "repeat": 2 }"""));
        Assert.Contains("is swept twice", twice.Message);
        Assert.Contains("use either repeat or a seed axis", twice.Message);
        Assert.Equal("sweep.repeat", Assert.Single(Errors("""{ "repeat": 0 }""")).Path);
    }

    [Fact]
    public void AWholeSectionCanBeSwitchedAndNestedPathsApplyOnTop()
    {
        var plan = Expand("""
            { "grid": {
                "encoder": [ { "name": "Pca" }, { "name": "ConvAutoencoder1D", "options": { "channels": [8, 8], "kernel": 3 } } ],
                "encoder.options.latentDim": [2, 4] } }
            """);

        Assert.Equal(4, plan.Runs.Count);
        Assert.Equal(["Pca", "ConvAutoencoder1D"], plan.Axes[0].Labels);
        Assert.Equal(SweepAxisKind.Category, plan.Axes[0].Kind);
        var pca = plan.Runs[1].Document["encoder"]!.AsObject();
        Assert.Equal("""{"name":"Pca","options":{"latentDim":4}}""", pca.ToJsonString());
        var conv = plan.Runs[2].Document["encoder"]!.AsObject();
        Assert.Equal("""{"name":"ConvAutoencoder1D","options":{"channels":[8,8],"kernel":3,"latentDim":2}}""", conv.ToJsonString());
        Assert.Equal("encoder=ConvAutoencoder1D, latentDim=2", plan.Runs[2].Describe());
    }

    [Fact]
    public void NullRemovesAKeySoThatItsDefaultApplies()
    {
        var plan = Expand("""{ "training.maxEpochs": [null, 9] }""");
        Assert.Null(At(plan.Runs[0], "training.maxEpochs"));
        Assert.NotNull(At(plan.Runs[0], "training"));
        Assert.Equal(9, At(plan.Runs[1], "training.maxEpochs")!.GetValue<int>());
        Assert.Equal(["default", "9"], plan.Axes[0].Labels);
    }

    [Fact]
    public void IdsDependOnlyOnTheChangesNotOnTheirOrderCaseOrTheRestOfTheConfig()
    {
        var a = Expand("""{ "grid": { "encoder.options.latentDim": [2, 4], "training.learningRate": [0.1, 0.01] } }""");
        var b = Expand("""{ "grid": { "Training.LearningRate": [0.01, 0.1], "encoder.options.latentdim": [4, 2] } }""");
        Assert.Equal(a.Runs.Select(r => r.Id).Order(), b.Runs.Select(r => r.Id).Order());
        Assert.Equal(a.Runs.First(r => r.Describe() == "latentDim=4, learningRate=0.1").Id,
                     b.Runs.First(r => r.Describe() == "LearningRate=0.1, latentdim=4").Id);

        var other = SweepExpander.Expand(JsonNode.Parse("""{ "seed": 99, "sweep": { "grid": { "encoder.options.latentDim": [2, 4], "training.learningRate": [0.1, 0.01] } } }""")!.AsObject(), []);
        Assert.Equal(a.Runs.Select(r => r.Id), other!.Runs.Select(r => r.Id));

        // The id is part of every study folder's layout: it must not change between versions.
        Assert.Equal("6c6c93c2", Expand("""{ "encoder.options.latentDim": [4] }""").Runs[0].Id);
    }

    [Fact]
    public void ShortNamesAreTheLastSegmentUnlessTwoAxesShareIt()
    {
        var plan = Expand("""{ "encoder.options.latentDim": [2], "propagator.options.latentDim": [3], "training.maxEpochs": [1] }""");
        Assert.Equal(["encoder.options.latentDim", "propagator.options.latentDim", "maxEpochs"], plan.Axes.Select(a => a.Name));
    }

    [Fact]
    public void MalformedSweepsAreReportedWithTheirPaths()
    {
        var errors = Errors("""
            { "grid": { "encoder.options.latentDim": 4, "output.directory": ["a", "b"], "bad path!": [1] },
              "zip": 3,
              "training.maxEpochs": [] }
            """);
        Assert.Contains(errors, e => e.Path == "sweep.grid['encoder.options.latentDim']" && e.Message.StartsWith("expects a non-empty list of values", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "sweep.grid['output.directory']" && e.Message.Contains("study folder"));
        Assert.Contains(errors, e => e.Path == "sweep.grid['bad path!']" && e.Message.Contains("not a config path"));
        Assert.Contains(errors, e => e.Path == "sweep.zip");
        Assert.Contains(errors, e => e.Path == "sweep['training.maxEpochs']");
        Assert.Equal(5, errors.Count);

        var none = new List<ConfigError>();
        Assert.Null(SweepExpander.Expand(JsonNode.Parse("""{ "seed": 1 }""")!.AsObject(), none));
        Assert.Contains("no sweep section", Assert.Single(none).Message);

        var through = Errors("""{ "encoder.name.x": [1] }""");
        Assert.Contains(through, e => e.Path == "encoder.name.x" && e.Message.Contains("run 0 (") && e.Message.Contains("encoder.name is the value \"Pca\", not an object"));

        var duplicate = Errors("""{ "encoder.options.latentDim": [4, 4] }""");
        Assert.Contains(duplicate, e => e.Message.Contains("run 1 (") && e.Message.Contains("repeats run 0 ("));
    }

    [Fact]
    public void OverridesApplyToTheBaseDocumentAsJsonValues()
    {
        string path = Path.Combine(Path.GetTempPath(), $"led-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ {{Base}}, "sweep": { "repeat": 2 } }""");
        try
        {
            var errors = new List<ConfigError>();
            var document = SweepExpander.Read(path, ["seed=20", "output.directory=results/other", "encoder.options.channels=[4, 4]", "broken"], errors);
            Assert.Equal("--set 'broken': expected path=value, e.g. encoder.options.latentDim=4", Assert.Single(errors).Message);
            var plan = SweepExpander.Expand(document!, errors)!;
            Assert.Equal([20, 21], plan.Runs.Select(r => At(r, "seed")!.GetValue<int>()));
            Assert.Equal("results/other", plan.DefaultStudyDirectory);
            Assert.Equal("[4,4]", At(plan.Runs[0], "encoder.options.channels")!.ToJsonString());
        }
        finally { File.Delete(path); }
    }
}
