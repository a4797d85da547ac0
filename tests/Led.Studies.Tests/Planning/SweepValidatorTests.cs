using System.Text.Json.Nodes;
using Led.Hosting.Components;
using Led.Hosting.Configuration;
using Led.Hosting.Plugins;
using Led.Studies.Planning;
using Led.Studies.Sharing;
using Led.Testing;

namespace Led.Studies.Tests.Planning;

public sealed class SweepValidatorTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly ComponentRegistry _registry;

    public SweepValidatorTests()
    {
        _plugins.Drop("Led.TestPlugins.Oscillator");
        _registry = new ComponentRegistry(PluginCatalog.Load([_plugins.Path]).Plugins);
    }

    public void Dispose() => _plugins.Dispose();

    private static SweepPlan Plan(string json) => SweepExpander.Expand(JsonNode.Parse(json)!.AsObject(), [])!;

    [Fact]
    public void EveryInvalidRunIsReportedWithItsIdChangesAndJsonPath()
    {
        var plan = Plan("""
            { "system": { "name": "Oscillator", "options": { "frequency": 1 } },
              "sweep": { "grid": { "system.options.frequency": [1, -1, 2], "system.name": ["Oscillator", "Lorenz"] } } }
            """);
        var errors = new List<SweepError>();
        var valid = SweepValidator.Validate(plan, _registry, "study.json", null, errors);

        Assert.Equal([0, 4], valid.Keys.Order());
        var lines = errors.Select(e => e.ToString()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains($"run 2 ({plan.Runs[2].Id}: frequency=-1, name=Oscillator): system.options.frequency: frequency must be positive", lines);
        Assert.Contains(lines, l => l.StartsWith($"run 3 ({plan.Runs[3].Id}: frequency=-1, name=Lorenz): system.name: unknown system 'Lorenz'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"run 1 ({plan.Runs[1].Id}: frequency=1, name=Lorenz): system.name:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"run 5 ({plan.Runs[5].Id}: frequency=2, name=Lorenz): system.name:", StringComparison.Ordinal));
        Assert.Equal(2.0, valid[4].Config.System!.Options!["frequency"] is { } f ? double.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    [Fact]
    public void UnknownSweptKeysAndTheCallersChecksNameTheRun()
    {
        var plan = Plan("""{ "system": { "name": "Oscillator" }, "sweep": { "system.options.frequncy": [1, 2] } }""");
        var errors = new List<SweepError>();
        SweepValidator.Validate(plan, _registry, null, null, errors);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("system.options.frequncy: unknown key 'frequncy'; did you mean 'frequency'?", e.Message, StringComparison.Ordinal));

        var checkedPlan = Plan("""{ "system": { "name": "Oscillator" }, "sweep": { "forecast.horizon": [10, 5000] } }""");
        var checkErrors = new List<SweepError>();
        var valid = SweepValidator.Validate(checkedPlan, _registry, null,
            e => e.Config.Forecast.Horizon > 100 ? ["forecast.horizon: too long for this test"] : [], checkErrors);
        Assert.Equal([0], valid.Keys);
        Assert.Equal($"run 1 ({checkedPlan.Runs[1].Id}: horizon=5000): forecast.horizon: too long for this test", Assert.Single(checkErrors).ToString());
    }

    [Fact]
    public void RunsWithTheSameSystemDataAndSeedShareOneDataset()
    {
        var plan = Plan("""
            { "system": { "name": "Oscillator", "options": { "frequency": 1 } },
              "data": { "trainSamples": 100 },
              "sweep": { "grid": { "training.maxEpochs": [1, 2], "system.options.frequency": [1, 2] },
                         "repeat": 2 } }
            """);
        var errors = new List<SweepError>();
        var experiments = SweepValidator.Validate(plan, _registry, null, null, errors);
        Assert.Empty(errors);
        Assert.Equal(8, experiments.Count);

        var datasets = SharedDataset.Plan(experiments);
        // frequency × seed: four datasets, each for the two training.maxEpochs values.
        Assert.Equal(4, datasets.Count);
        Assert.All(datasets, d => Assert.Equal(2, d.Runs.Count));
        Assert.All(datasets, d => Assert.Matches("^[0-9a-f]{12}$", d.Key));
        foreach (var d in datasets)
        {
            var (a, b) = (plan.Runs[d.Runs[0]], plan.Runs[d.Runs[1]]);
            Assert.Equal(ConfigPath.Get(a.Document, "seed")!.GetValue<int>(), ConfigPath.Get(b.Document, "seed")!.GetValue<int>());
            Assert.Equal(ConfigPath.Get(a.Document, "system.options.frequency")!.GetValue<int>(), ConfigPath.Get(b.Document, "system.options.frequency")!.GetValue<int>());
            Assert.NotEqual(ConfigPath.Get(a.Document, "training.maxEpochs")!.GetValue<int>(), ConfigPath.Get(b.Document, "training.maxEpochs")!.GetValue<int>());
        }

        // The test length is an input of data generation: a longer forecast needs its own dataset.
        var horizons = Plan("""{ "system": { "name": "Oscillator" }, "sweep": { "forecast.horizon": [10, 20] , "training.maxEpochs": [1, 2] } }""");
        var e2 = new List<SweepError>();
        var byHorizon = SweepValidator.Validate(horizons, _registry, null, null, e2);
        Assert.Empty(e2);
        Assert.NotEqual(SharedDataset.KeyOf(byHorizon[0]), SharedDataset.KeyOf(byHorizon[2]));
        Assert.Equal(SharedDataset.KeyOf(byHorizon[0]), SharedDataset.KeyOf(byHorizon[1]));
    }

    [Fact]
    public void TheAutoencoderKeyIgnoresTheNoiseThatOnlyThePropagatorSees()
    {
        var plan = Plan("""{ "system": { "name": "Oscillator" }, "sweep": { "training.noise": [0, 0.02], "training.learningRate": [0.001, 0.003] } }""");
        var errors = new List<SweepError>();
        var runs = SweepValidator.Validate(plan, _registry, null, null, errors);
        Assert.Empty(errors);
        Assert.Equal(4, runs.Count);
        // Runs that differ only in the noise share a key; the learning rate trains the autoencoder too, so it splits them.
        var byRate = Enumerable.Range(0, runs.Count)
            .GroupBy(i => ConfigPath.Get(plan.Runs[i].Document, "training.learningRate")!.GetValue<double>())
            .Select(g => g.Select(i => SharedAutoencoder.KeyOf(runs[i])).Distinct().ToList()).ToList();
        Assert.Equal(2, byRate.Count);
        Assert.All(byRate, keys => Assert.Single(keys));
        Assert.NotEqual(byRate[0][0], byRate[1][0]);
    }

    [Fact]
    public void RunsInAnotherPrecisionTrainTheirOwnAutoencoder()
    {
        var plan = Plan("""{ "system": { "name": "Oscillator" }, "sweep": { "precision": ["float32", "float64"], "training.noise": [0, 0.02] } }""");
        var errors = new List<SweepError>();
        var runs = SweepValidator.Validate(plan, _registry, null, null, errors);
        Assert.Empty(errors);
        var byPrecision = Enumerable.Range(0, runs.Count)
            .GroupBy(i => ConfigPath.Get(plan.Runs[i].Document, "precision")!.GetValue<string>())
            .Select(g => g.Select(i => SharedAutoencoder.KeyOf(runs[i])).Distinct().ToList()).ToList();
        Assert.Equal(2, byPrecision.Count);
        Assert.All(byPrecision, keys => Assert.Single(keys));
        Assert.NotEqual(byPrecision[0][0], byPrecision[1][0]);
    }

    [Fact]
    public void TheAutoencoderKeyIgnoresTheWindowsChunksAndWarmupOfThePropagatorsTraining()
    {
        var plan = Plan("""{ "system": { "name": "Oscillator" }, "sweep": { "training.windowLength": [101, 151], "training.sequenceLength": [10, 20], "training.warmup": [0, 5] } }""");
        var errors = new List<SweepError>();
        var runs = SweepValidator.Validate(plan, _registry, null, null, errors);
        Assert.Empty(errors);
        Assert.Equal(8, runs.Count);
        // A fitted propagator must leave these keys out, so ignoring them lets it share the trained propagators' autoencoder.
        Assert.Single(Enumerable.Range(0, runs.Count).Select(i => SharedAutoencoder.KeyOf(runs[i])).Distinct());
    }
}
