using Led.Testing;

namespace Led.Cli.Tests;

/// <summary>
/// <c>led validate</c> decides, from the config alone and without building any model, everything <c>led run</c> would
/// refuse before its work: each problem once, exit 2, naming the JSON path and the fix.
/// </summary>
public sealed class ValidateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-validate").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string[] Errors) Validate(string json, params string[] set)
    {
        string config = TinyExperiment.WriteConfig(_dir, json);
        var (code, stdout, stderr) = LedProcess.Run(_dir, ["validate", config, .. set.SelectMany(s => new[] { "--set", s })]);
        Assert.DoesNotContain("   at ", stderr);
        return (code, stdout, LedProcess.Errors(stderr));
    }

    [Fact]
    public void TheLargestLstmAllowedIsValidatedWithoutBuildingIt()
    {
        // 65536 hidden units: about 1.7e10 weights, 137 GB in float64. Building it ran out of memory.
        var (code, stdout, errors) = Validate(TinyExperiment.Json, "propagator.options.hidden=65536");
        Assert.Empty(errors);
        Assert.Equal(0, code);
        Assert.Contains("valid (system Oscillator, encoder Pca, propagator Lstm", stdout);
    }

    [Fact]
    public void DiffusionMapsOptionsAreCheckedWithTheirJsonPaths()
    {
        string json = TinyExperiment.Json.Replace("\"encoder\": { \"name\": \"Pca\", \"options\": { \"latentDim\": 8 } }",
            "\"encoder\": { \"name\": \"DiffusionMaps\", \"options\": { \"latentDim\": 4, \"maxLandmarks\": 4, \"epsilonFactr\": 2 } }");
        var (code, _, errors) = Validate(json);
        Assert.Equal(2, code);
        Assert.Equal(2, errors.Length);
        Assert.Contains("error: encoder.options.epsilonFactr: unknown key 'epsilonFactr'; did you mean 'epsilonFactor'? (valid keys: epsilonFactor, latentDim, maxLandmarks, neighbors)", errors);
        Assert.Contains("error: encoder.options.maxLandmarks: maxLandmarks 4 must exceed latentDim 4 (d_z + 1 eigenvectors of the landmark kernel are needed): raise maxLandmarks to at least 5", errors);

        var (valid, stdout, none) = Validate(json.Replace(", \"maxLandmarks\": 4, \"epsilonFactr\": 2", ""));
        Assert.Empty(none);
        Assert.Equal(0, valid);
        Assert.Contains("valid (system Oscillator, encoder DiffusionMaps, propagator Lstm", stdout);
    }

    [Fact]
    public void AHorizonWhoseTestDataNoArrayCanHoldIsRefusedBeforeRunning()
    {
        var (code, _, errors) = Validate(TinyExperiment.Json, "forecast.horizon=1000000000");
        Assert.Equal(2, code);
        Assert.Equal("error: forecast.warmup + forecast.horizon (the test trajectories' length when data.testSamples is 0): 3 trajectories × " +
                     "1000000005 samples × 8 values per state = 24000000120 values, more than one array holds (2147483591): lower " +
                     "forecast.horizon or data.testInitialConditions", Assert.Single(errors));
    }

    [Fact]
    public void ReconstructionWeightsNeedAFieldOfTheSystemAndATrainedAutoencoder()
    {
        var (code, _, errors) = Validate(TinyExperiment.Json, "training.reconstructionWeights.field=mask");
        Assert.Equal(2, code);
        Assert.Equal(["error: training.reconstructionWeights: the autoencoder is not trained by gradient in this run (Pca is fitted in closed form), " +
                      "so there is no loss to weigh: remove reconstructionWeights",
                      "error: training.reconstructionWeights.field: the system Oscillator has no fixed fields to weigh by: use a system that provides " +
                      "one (e.g. a body mask) or remove reconstructionWeights"], errors);
    }

    [Fact]
    public void DecodeEveryBeyondTheHorizonOrBelowOneIsRefusedAtItsPath()
    {
        var (code, _, errors) = Validate(TinyExperiment.Json, "forecast.decodeEvery=21");
        Assert.Equal(2, code);
        Assert.Equal("error: forecast.decodeEvery: decodeEvery 21 exceeds the horizon (20), so no step would be decoded; use a value between 1 and 20",
            Assert.Single(errors));

        var zero = Validate(TinyExperiment.Json, "forecast.decodeEvery=0");
        Assert.Equal(2, zero.Code);
        Assert.Equal("error: forecast.decodeEvery: decodeEvery must be ≥ 1 (1 decodes every step)", Assert.Single(zero.Errors));

        var fine = Validate(TinyExperiment.Json, "forecast.decodeEvery=20");
        Assert.Empty(fine.Errors);
        Assert.Equal(0, fine.Code);
    }

    [Fact]
    public void AWindowLongerThanTheTrajectoriesIsRefusedWithTheLongestThatFits()
    {
        var (code, _, errors) = Validate(TinyExperiment.Json, "training.windowLength=100");
        Assert.Equal(2, code);
        Assert.StartsWith("error: training.windowLength (100) is longer than data.validationSamples (60): training cuts windows of windowLength " +
                          "samples out of each training and validation trajectory; set training.windowLength to at most 60", Assert.Single(errors));
    }

    [Fact]
    public void AWindowLongerThanTheTrajectoriesOfTheGivenDatasetIsRefusedWhateverTheConfigSays()
    {
        string data = Path.Combine(_dir, "data.h5");
        var simulated = LedProcess.Run(_dir, "simulate", TinyExperiment.WriteConfig(_dir), "--out", data);
        Assert.True(simulated.ExitCode == 0, simulated.Out + simulated.Error);
        // The config's sample counts would allow 100; the dataset's validation trajectories hold 60 samples.
        string json = TinyExperiment.Json.Replace("\"data\": { \"transient\": 1, \"trainSamples\": 120, \"validationSamples\": 60,",
            "\"data\": { \"path\": \"data.h5\", \"transient\": 1, \"trainSamples\": 500, \"validationSamples\": 500,");
        var (code, _, errors) = Validate(json, "training.windowLength=100");
        Assert.Equal(2, code);
        Assert.StartsWith("error: training.windowLength (100) is longer than the length of the validation trajectories in data.path (60)", Assert.Single(errors));
    }

    [Fact]
    public void AMissingTrainingSectionTakesTheDefaultsAndSaysSoWhenTheyDoNotFit()
    {
        string withoutTraining = TinyExperiment.Json.Replace(TinyExperiment.Training, "");
        var (code, _, errors) = Validate(withoutTraining);
        Assert.Equal(2, code);
        Assert.StartsWith("error: training.windowLength (201, the default: the config has no training section) is longer than data.validationSamples (60)",
            Assert.Single(errors));

        // A fitted propagator uses no windows: the defaults do.
        var fitted = Validate(TinyExperiment.WithLinearPropagator(TinyExperiment.Json, ridge: 0).Replace("\"training\": {},", ""));
        Assert.Empty(fitted.Errors);
        Assert.Equal(0, fitted.Code);
    }

    [Fact]
    public void ANullEncoderIsAnAbsentOneWhichAConfigThatTrainsNeeds()
    {
        // null is how a resolved config (config.json of a run) writes an unused slot, so it reads as absent.
        string json = TinyExperiment.Json.Replace("\"encoder\": { \"name\": \"Pca\", \"options\": { \"latentDim\": 8 } },", "\"encoder\": null,");
        var (code, _, errors) = Validate(json);
        Assert.Equal(2, code);
        Assert.StartsWith("error: encoder: required to train or forecast; add { \"name\": …, \"options\": { … } }", Assert.Single(errors));
    }

    [Theory]
    [InlineData("1 2\n3 4\n", "holds 4 values, the system needs 8")]
    [InlineData("1 2\n3 4\n5 6\n7 nan\n", "contains a non-finite value")]
    [InlineData("1 2\n3 4\n5 six\n7 8\n", "'six' is not a number")]
    [InlineData("1 2 3\n4 5 6\n", "has 3 columns; expected one per channel (x, v)")]
    public void ABadInitialStateIsFoundByValidateAndRefusedByRunBeforeAnyWork(string text, string problem)
    {
        File.WriteAllText(Path.Combine(_dir, "initial.txt"), text);
        string json = TinyExperiment.Json.Replace("\"grid\": [4] } }", "\"grid\": [4] }, \"initialState\": \"initial.txt\" }");
        var (code, _, errors) = Validate(json);
        Assert.Equal(2, code);
        string error = Assert.Single(errors);
        Assert.StartsWith("error: system.initialState: ", error);
        Assert.Contains(problem, error);
        Assert.EndsWith("give 8 finite numbers, one row per grid point with one column per channel (x, v), or one value per line channel-major, " +
                        "or name an HDF5 dataset as file.h5:/path", error);

        var (runCode, _, runError) = LedProcess.Run(_dir, "run", Path.Combine(_dir, "config.json"), "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, runCode);
        Assert.Equal([error], LedProcess.Errors(runError));
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")) || Directory.Exists(Path.Combine(_dir, "out.failed")));
    }

    [Fact]
    public void AnFhnMicroStepWithoutOscillationIsRefusedWithTheBound()
    {
        string config = Path.Combine(RepositoryPaths.Root, "configs", "fhn", "quick.json");
        var (code, _, stderr) = LedProcess.Run(_dir, "validate", config, "--set", "system.options.microStep=0.1");
        Assert.Equal(2, code);
        string error = Assert.Single(LedProcess.Errors(stderr));
        Assert.StartsWith("error: system.options.microStep: MicroStep = 0.1 is too large for the grid", error);
        Assert.Contains("use MicroStep ≤ dx/(4·√DiffusionU) = 0.05", error);
    }

    /// <summary>The tiny experiment with a VariationalAutoencoder with the given options instead of PCA.</summary>
    private static string WithVariationalAutoencoder(string options) => TinyExperiment.Json.Replace(
        "\"encoder\": { \"name\": \"Pca\", \"options\": { \"latentDim\": 8 } }",
        $"\"encoder\": {{ \"name\": \"VariationalAutoencoder\", \"options\": {{ {options} }} }}");

    [Fact]
    public void AVariationalAutoencoderIsValidatedWithoutBuildingItAndItsBadOptionsAreNamed()
    {
        // 64 layers of 65536: about 5.5e11 weights, 4 TB in float64; validate decides from the options alone.
        var (code, stdout, errors) = Validate(WithVariationalAutoencoder("\"latentDim\": 2, \"beta\": 0.5, \"layers\": 64, \"width\": 65536"));
        Assert.Empty(errors);
        Assert.Equal(0, code);
        Assert.Contains("encoder VariationalAutoencoder", stdout);

        var bad = Validate(WithVariationalAutoencoder("\"latentDim\": 2, \"beta\": -1, \"backbone\": \"conv1d\", \"kernel\": 4"));
        Assert.Equal(2, bad.Code);
        Assert.Contains(bad.Errors, e => e.StartsWith("error: encoder.options.beta: Beta must be a finite number >= 0", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("error: encoder.options.kernel: Kernel (4) must be odd", StringComparison.Ordinal));
    }

    [Fact]
    public void AConv1dVariationalAutoencoderOnATwoDimensionalGridIsRefusedWithTheFix()
    {
        var (code, _, errors) = Validate(WithVariationalAutoencoder("\"latentDim\": 2, \"backbone\": \"conv1d\", \"channels\": [4]")
            .Replace("\"grid\": [4]", "\"grid\": [4, 2]"));
        Assert.Equal(2, code);
        Assert.Contains(errors, e => e.Contains("VariationalAutoencoder with backbone conv1d needs a system on a 1-D grid", StringComparison.Ordinal)
                                     && e.Contains("(2 spatial dimensions); set backbone to mlp, which flattens any grid.", StringComparison.Ordinal));
    }
}
