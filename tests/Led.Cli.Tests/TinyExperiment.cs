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

    /// <summary>Writes <paramref name="json"/> (default: <see cref="Json"/>) to <c>config.json</c> in <paramref name="folder"/>; returns its path.</summary>
    public static string WriteConfig(string folder, string json = Json)
    {
        string path = Path.Combine(folder, "config.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The experiment with a small trainable autoencoder (MLP 2 × 16, d_z = 4) instead of the PCA.</summary>
    public static string WithMlpAutoencoder(string json) => json.Replace(
        "\"encoder\": { \"name\": \"Pca\", \"options\": { \"latentDim\": 8 } }",
        "\"encoder\": { \"name\": \"MlpAutoencoder\", \"options\": { \"latentDim\": 4, \"width\": 16, \"layers\": 2 } }");

    /// <summary>
    /// The experiment with the test plugin's linear propagator, fitted in closed form by ridge least squares, instead of the
    /// LSTM: no gradient training, so its forecasts are the same on every CPU. Four training trajectories span the
    /// oscillators' 8-dimensional state space (one trajectory spans two: all oscillators share one frequency), so the
    /// 8-component PCA is lossless on any state; with <paramref name="ridge"/> 0 the model is then exact, and a positive
    /// penalty makes it wrong by a fixed amount.
    /// </summary>
    public static string WithLinearPropagator(string json, double ridge) => json
        .Replace("\"transient\": 1,", "\"transient\": 1, \"trainTrajectories\": 4,")
        .Replace("\"propagator\": { \"name\": \"Lstm\", \"options\": { \"hidden\": 16, \"output\": \"identity\" } }",
            $"\"propagator\": {{ \"name\": \"Linear\", \"options\": {{ \"ridge\": {ridge.ToString(System.Globalization.CultureInfo.InvariantCulture)} }} }}")
        .Replace(Training, "\"training\": {},");

    /// <summary>The training section of <see cref="Json"/>.</summary>
    public const string Training = "\"training\": { \"optimizer\": \"adam\", \"learningRate\": 0.01, \"maxEpochs\": 4, \"patience\": 2, " +
                                   "\"maxRounds\": 1, \"sequenceLength\": 10, \"windowLength\": 41 },";

    /// <summary>The experiment as a study: results under <c>study/</c> without plots or forecast files, and the given sweep section.</summary>
    public static string Study(string sweep) => Json
        .Replace("\"device\": \"cpu\",", "\"output\": { \"directory\": \"study\", \"plots\": false, \"predictions\": false },\n  \"device\": \"cpu\",")
        .Replace("\"seed\": 3", $"\"seed\": 3,\n  \"sweep\": {sweep}");
}
