using System.Diagnostics;
using System.Text.Json.Nodes;
using Led.Testing;

namespace Led.Cli.Tests;

/// <summary>
/// The particle experiment's components (advection–diffusion system, permutation-invariant encoder, mixture-density
/// decoder, MD-LSTM) through <c>led run</c>, at a size that runs in seconds, and its HDF5 files read by h5py.
/// </summary>
public sealed class ParticlesRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-particles").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary><c>configs/particles/led.json</c> shrunk: 100 particles, short trajectories, two epochs.</summary>
    private string SmallConfig()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "configs", "particles", "led.json")))!;
        config["system"]!["options"]!["particles"] = 100;
        config["data"] = JsonNode.Parse("""{ "transient": 0, "trainTrajectories": 2, "trainSamples": 60, "validationTrajectories": 1, "validationSamples": 40, "testInitialConditions": 2 }""");
        config["encoder"]!["options"]!["particles"] = 40;
        config["training"] = JsonNode.Parse("""{ "optimizer": "adam", "learningRate": 0.001, "maxEpochs": 2, "patience": 2, "maxRounds": 1, "sequenceLength": 5, "windowLength": 16 }""");
        config["forecast"] = JsonNode.Parse("""{ "warmup": 5, "horizon": 12, "ensemble": 2, "multiscale": { "microSteps": [3], "macroSteps": [4] } }""");
        string path = Path.Combine(_dir, "particles.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    [H5pyFact]
    public void TheParticleExperimentRunsAndItsCloudsReadInH5pyAsTimeByParticleByAxis()
    {
        string target = Path.Combine(_dir, "run");
        var (code, stdout, stderr) = LedProcess.Run(_dir, "run", SmallConfig(), "--out", target);
        Assert.True(code == 0, stdout + stderr);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "metrics.json")))!;
        foreach (var key in new[] { "wasserstein", "histogram_l1", "wasserstein_persistence", "multiscale_mu3_m4_wasserstein", "multiscale_mu3_m0_wasserstein", "speedup_latent" })
            Assert.True(metrics[key] is not null && double.IsFinite(metrics[key]!.GetValue<double>()), key);

        var script = $"""
            import h5py, numpy as np
            d = h5py.File('{Path.Combine(target, "data.h5")}', 'r')
            f = h5py.File('{Path.Combine(target, "forecast.h5")}', 'r')
            x = d['train/trajectories']
            print(x.shape, f['predictions'].shape, f['targets'].shape, bool(np.all(np.abs(x[...]) <= 0.5)), bool(np.all(x[0, 0] == 0)))
            """;
        using var run = Process.Start(new ProcessStartInfo(H5pyFactAttribute.Python, ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = run.StandardOutput.ReadToEnd() + run.StandardError.ReadToEnd();
        run.WaitForExit();
        Assert.Equal("(2, 60, 100, 3) (2, 2, 12, 100, 3) (2, 12, 100, 3) True True", output.Trim());
    }
}
