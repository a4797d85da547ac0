using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Hosting.Components;
using Led.Hosting.Configuration;
using Led.Hosting.Plugins;

namespace Led.Hosting.Tests.Configuration;

public sealed class ExperimentLoaderTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly ComponentRegistry _registry;

    public ExperimentLoaderTests()
    {
        _plugins.Drop("Led.TestPlugins.Oscillator");
        _registry = new ComponentRegistry(PluginCatalog.Load([_plugins.Path]).Plugins);
    }

    public void Dispose() => _plugins.Dispose();

    private Experiment? Load(string json, List<ConfigError> errors, params string[] overrides)
    {
        string path = ExperimentFiles.Write(json);
        try
        {
            var root = ExperimentLoader.Read(path, overrides, errors);
            return errors.Count > 0 ? null : ExperimentLoader.Bind(root, _registry, path, errors);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ThreeMistakesAreAllReportedWithTheirPaths()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""
            { "system": { "name": "Oscillator", "options": { "frequency": -1 } },
              "training": { "batchSize": "many" },
              "sed": 3 }
            """, errors);

        Assert.Null(experiment);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Path == "sed" && e.Message.Contains("unknown key 'sed'") && e.Message.Contains("did you mean 'seed'?"));
        Assert.Contains(errors, e => e.Path == "training.batchSize" && e.Message == "expects an integer, got 'many'");
        Assert.Contains(errors, e => e.Path == "system.options.frequency" && e.Message == "frequency must be positive");
    }

    [Fact]
    public void ReconstructionWeightsBindFromTheConfigOrFromOverridesAndAreAbsentOtherwise()
    {
        var errors = new List<ConfigError>();
        Assert.Null(Load("""{ "system": { "name": "Oscillator" } }""", errors)!.Config.Training.ReconstructionWeights);
        var set = Load("""{ "system": { "name": "Oscillator" } }""", errors, "training.reconstructionWeights.field=mask", "training.reconstructionWeights.weight=5")!
            .Config.Training.ReconstructionWeights!;
        Assert.Empty(errors);
        Assert.Equal(("mask", 3, 5.0), (set.Field, set.Radius, set.Weight));

        Assert.Null(Load("""{ "system": { "name": "Oscillator" }, "training": { "reconstructionWeights": { "field": "mask", "radus": 2, "weight": -1 } } }""", errors));
        Assert.Contains(errors, e => e.Path == "training.reconstructionWeights.radus" && e.Message.Contains("did you mean 'radius'?"));
        Assert.Contains(errors, e => e.Path == "training.reconstructionWeights.weight" && e.Message == "weight must be a finite number > 0 (got -1); 1 weighs every point alike");
    }

    [Fact]
    public void AConfigListReplacesTheDefaultAndAnEmptyListIsEmpty()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""
            { "system": { "name": "Oscillator" },
              "forecast": { "horizon": 20, "reportHorizons": [5, 20], "multiscale": { "microSteps": [], "macroSteps": [4] } } }
            """, errors);
        Assert.Empty(errors);
        Assert.Equal([5, 20], experiment!.Config.Forecast.ReportHorizons);
        Assert.Empty(experiment.Config.Forecast.Multiscale.MicroSteps);
        Assert.Equal([4], experiment.Config.Forecast.Multiscale.MacroSteps);
    }

    [Fact]
    public void AnUnknownComponentNameListsTheAvailableOnes()
    {
        var errors = new List<ConfigError>();
        Load("""{ "system": { "name": "Lorenz" } }""", errors);
        var error = Assert.Single(errors);
        Assert.Equal("system.name", error.Path);
        Assert.Equal("unknown system 'Lorenz'; available: Oscillator", error.Message);
    }

    [Fact]
    public void AMissingSystemAndBadJsonAreReported()
    {
        var errors = new List<ConfigError>();
        Load("""{ "seed": 3 }""", errors);
        Assert.Contains(errors, e => e.Path == "system" && e.Message.StartsWith("system is required", StringComparison.Ordinal));

        var syntax = new List<ConfigError>();
        Load("""{ "seed": 3, """, syntax);
        Assert.Contains("is not valid JSON", Assert.Single(syntax).Message);
    }

    [Fact]
    public void OptionsAreBoundWithDefaultsAndListsReplaceTheirDefault()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""{ "system": { "name": "oscillator", "options": { "grid": [7], "coarseStep": 0.5 } }, "seed": 11 }""", errors);
        Assert.Empty(errors);
        var host = LedHost.Start(searchFolders: [_plugins.Path]);
        var system = (IDynamicalSystem)new ComponentFactory(host.Services, experiment!).Create("system");
        Assert.Equal([2, 7], system.Description.Shape);
        Assert.Equal(0.5, system.Description.CoarseTimeStep);
        Assert.Equal(11, experiment!.Config.Seed);
        var resolved = experiment.Resolved();
        Assert.Equal(1.0, resolved["system"]!["options"]!["frequency"]!.GetValue<double>());
        Assert.Equal(1000.0, resolved["data"]!["transient"]!.GetValue<double>());
    }

    [Fact]
    public void OverridesUseDottedPathsAndAreValidatedToo()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""{ "system": { "name": "Oscillator" } }""", errors, "seed=5", "system.options.frequency=2.5");
        Assert.Empty(errors);
        Assert.Equal(5, experiment!.Config.Seed);
        Assert.Equal(2.5, experiment.Resolved()["system"]!["options"]!["frequency"]!.GetValue<double>());

        var bad = new List<ConfigError>();
        Load("""{ "system": { "name": "Oscillator" } }""", bad, "device=gpu");
        Assert.Equal("device", Assert.Single(bad).Path);
        var syntax = new List<ConfigError>();
        Load("""{ "system": { "name": "Oscillator" } }""", syntax, "nonsense");
        Assert.Contains("expected path=value", Assert.Single(syntax).Message);
    }

    [Fact]
    public void ValuesOfTheWrongShapeAreReported()
    {
        var errors = new List<ConfigError>();
        Load("""{ "system": { "name": "Oscillator", "options": { "grid": 4 } }, "forecast": 3, "device": "gpu" }""", errors);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Path == "system.options.grid" && e.Message == "expects a list of an integer, got '4'");
        Assert.Contains(errors, e => e.Path == "forecast" && e.Message == "expects an object, got '3'");
        Assert.Contains(errors, e => e.Path == "device" && e.Message.Contains("'auto', 'cpu', 'cuda' or 'cuda:N'"));
    }

    [Fact]
    public void ModesAreReadInAnyCaseAndAnUnknownOneListsTheAllowedValues()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""
            { "system": { "name": "Oscillator" }, "precision": "FLOAT32", "data": { "storage": "float32" },
              "training": { "mode": "endtoend", "optimizer": "adam" } }
            """, errors);
        Assert.Empty(errors);
        Assert.Equal(Precision.Float32, experiment!.Config.Precision);
        Assert.Equal(Precision.Float32, experiment.Config.Data.Storage);
        Assert.Equal(TrainingMode.EndToEnd, experiment.Config.Training.Mode);
        Assert.Equal(OptimizerKind.Adam, experiment.Config.Training.Optimizer);

        var bad = new List<ConfigError>();
        Load("""
            { "system": { "name": "Oscillator" }, "precision": "double", "data": { "storage": "1" },
              "training": { "mode": "sequential,endToEnd", "optimizer": "sgd", "batchSize": 0 } }
            """, bad);
        Assert.Equal(5, bad.Count);
        Assert.Contains(new ConfigError("precision", "expects one of float64, float32, got 'double'"), bad);
        Assert.Contains(new ConfigError("data.storage", "expects one of float64, float32, got '1'"), bad);
        Assert.Contains(new ConfigError("training.mode", "expects one of sequential, endToEnd, got 'sequential,endToEnd'"), bad);
        Assert.Contains(new ConfigError("training.optimizer", "expects one of adam, adabelief, got 'sgd'"), bad);
        Assert.Contains(new ConfigError("training.batchSize", "batchSize must be ≥ 1"), bad);
    }

    [Fact]
    public void TheResolvedConfigSpellsModesAsConfigsDoAndReadsBackToTheSameValues()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""{ "system": { "name": "Oscillator" }, "training": { "mode": "ENDTOEND" } }""", errors);
        Assert.Empty(errors);
        var resolved = experiment!.Resolved();
        Assert.Equal("endToEnd", resolved["training"]!["mode"]!.GetValue<string>());
        Assert.Equal("adabelief", resolved["training"]!["optimizer"]!.GetValue<string>());
        Assert.Equal("float64", resolved["precision"]!.GetValue<string>());
        Assert.Equal("float64", resolved["data"]!["storage"]!.GetValue<string>());

        var again = Load(resolved.ToJsonString(), errors);
        Assert.Empty(errors);
        Assert.Equal(TrainingMode.EndToEnd, again!.Config.Training.Mode);
        Assert.Equal(OptimizerKind.AdaBelief, again.Config.Training.Optimizer);
        Assert.Equal(resolved.ToJsonString(), again.Resolved().ToJsonString());
    }

    /// <summary>
    /// Derived, get-only properties of an options class are not config keys, and a plugin's enum options are written as
    /// words: otherwise a run's config.json would not read back.
    /// </summary>
    [Fact]
    public void TheResolvedConfigLeavesOutDerivedPropertiesAndReadsBack()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""{ "system": { "name": "Oscillator", "options": { "frequency": 2, "drive": "periodicForce" } } }""", errors);
        Assert.Empty(errors);
        var options = experiment!.Resolved()["system"]!["options"]!.AsObject();
        Assert.Equal("periodicForce", options["drive"]!.GetValue<string>());
        Assert.False(options.ContainsKey("period"));
        Assert.False(options.ContainsKey("cells"));
        Assert.Equal(2, options["frequency"]!.GetValue<double>());

        var again = Load(experiment.Resolved().ToJsonString(), errors);
        Assert.Empty(errors);
        Assert.Equal(experiment.Resolved().ToJsonString(), again!.Resolved().ToJsonString());
    }

    [Fact]
    public void IsSetTellsTheKeysTheConfigOrAnOverrideSetsEvenToTheirDefault()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""
            { "system": { "name": "Oscillator" }, "training": { "learningRate": 0.001 }, "metrics": [ { "name": "EnergyError" } ] }
            """, errors, "forecast.horizon=5");
        Assert.Empty(errors);
        Assert.True(experiment!.IsSet("training.learningRate"));
        Assert.True(experiment.IsSet("training"));
        Assert.True(experiment.IsSet("forecast.horizon"));
        Assert.True(experiment.IsSet("metrics[0].name"));
        Assert.False(experiment.IsSet("training.maxEpochs"));
        Assert.False(experiment.IsSet("data"));
        Assert.False(experiment.IsSet("metrics[1].name"));
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAcceptedInHandWrittenConfigs()
    {
        var errors = new List<ConfigError>();
        var experiment = Load("""
            {
              // the test oscillator
              "system": { "name": "Oscillator", "options": { "grid": [3, 5,], }, },
              /* a block comment */
              "seed": 12,
            }
            """, errors);
        Assert.Empty(errors);
        Assert.Equal(12, experiment!.Config.Seed);
        Assert.Equal("Oscillator", experiment.Config.System!.Name);
    }
}
