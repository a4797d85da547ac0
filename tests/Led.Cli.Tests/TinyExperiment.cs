namespace Led.Cli.Tests;

/// <summary>
/// A tiny experiment that runs in seconds: the test Oscillator plugin (exact solution) with the Pca and Lstm plugins.
/// Tests vary it by replacing parts of its text.
/// </summary>
public static class TinyExperiment
{
    public const string Json = """
        {
          "system": { "name": "Oscillator", "options": { "frequency": 1.3, "coarseStep": 0.2, "grid": [4] } },
          "data": { "transient": 1, "trainSamples": 120, "validationSamples": 60, "testInitialConditions": 3 },
          "encoder": { "name": "Pca", "options": { "latentDim": 8 } },
          "propagator": { "name": "Lstm", "options": { "hidden": 16, "output": "identity" } },
          "training": { "optimizer": "adam", "learningRate": 0.01, "maxEpochs": 4, "patience": 2, "maxRounds": 1, "sequenceLength": 10, "windowLength": 41 },
          "forecast": { "warmup": 5, "horizon": 20 },
          "device": "cpu",
          "seed": 3
        }
        """;

    /// <summary>The experiment with a small trainable autoencoder (MLP 2 × 16, d_z = 4) instead of the PCA.</summary>
    public static string WithMlpAutoencoder(string json) => json.Replace(
        "\"encoder\": { \"name\": \"Pca\", \"options\": { \"latentDim\": 8 } }",
        "\"encoder\": { \"name\": \"MlpAutoencoder\", \"options\": { \"latentDim\": 4, \"width\": 16, \"layers\": 2 } }");

    /// <summary>The experiment as a study: results under <c>study/</c> without plots or forecast files, and the given sweep section.</summary>
    public static string Study(string sweep) => Json
        .Replace("\"device\": \"cpu\",", "\"output\": { \"directory\": \"study\", \"plots\": false, \"predictions\": false },\n  \"device\": \"cpu\",")
        .Replace("\"seed\": 3", $"\"seed\": 3,\n  \"sweep\": {sweep}");
}
