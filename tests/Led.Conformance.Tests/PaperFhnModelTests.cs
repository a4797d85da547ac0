using Led.Abstractions.Learning;
using Led.Autoencoders.Mlp;
using Led.Core.Data;
using Led.Core.Forecasting;
using Led.Core.Metrics;
using Led.Core.Training;
using Led.Propagators.Lstm;
using Led.Systems.FitzHughNagumo;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Conformance.Tests;

/// <summary>
/// The paper's end-to-end FHN model (AE 3×100, d_z = 2, LSTM 32) imported from the authors' PyTorch file runs on our
/// lattice-Boltzmann data: reconstruction and Latent-LED errors must match an independent forward pass of the reference
/// (spec §9: AE MSE ≈ 6.5e−6; inhibitor MNAD 0.002–0.007 over 1000 steps after 20 warm-up steps).
/// </summary>
public class PaperFhnModelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string Reference = RepositoryPaths.SharedFile("data", "fhn-reference");

    /// <summary>The reference's test trajectory from IC 5: sample j is the LB state after 401 + 200·j steps (spec §1.4).</summary>
    private static TrajectorySet TestTrajectory(FitzHughNagumo system, int samples)
    {
        string ic = Path.Combine(Reference, "initial-conditions");
        var initial = ColumnTextFile.ReadObservable(Path.Combine(ic, "y05u.txt"), Path.Combine(ic, "y05v.txt"));
        var set = new TrajectorySet(1, samples, system.Description.Shape);
        using var sim = system.Lift(initial, 0);
        sim.Advance(401 * 0.005);
        for (int j = 0; j < samples; j++)
        {
            if (j > 0) sim.Advance(1.0);
            sim.Observe(set.Frame(0, j));
        }
        return set;
    }

    private static MinMaxScaler ReferenceScaler() => new(
        File.ReadAllLines(Path.Combine(Reference, "data_min.txt")).Where(l => l.Trim().Length > 0).Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        File.ReadAllLines(Path.Combine(Reference, "data_max.txt")).Where(l => l.Trim().Length > 0).Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    [SharedDataFact("data", "fhn-reference", "paper-led-model.pt")]
    public void ThePapersModelReproducesTheReferenceErrorsOnOurSolversData()
    {
        using var scope = NewDisposeScope();
        var device = CpuDevice.Seeded(7);
        var system = new FitzHughNagumo(new FitzHughNagumoOptions());
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 2, Layers = 3, Width = 100 }, system.Description, device);
        var propagator = new LstmPropagator(new LstmOptions { Hidden = 32, Output = LstmOutput.TanhPlus }, new LatentSpace(2), device);
        int loaded = PyTorchImport.Import(Path.Combine(Reference, "paper-led-model.pt"), [autoencoder, propagator]);
        Assert.Equal(22, loaded);

        const int warmup = 20, horizon = 1000;
        var trajectory = TestTrajectory(system, warmup + horizon);
        var scaler = ReferenceScaler();
        using var scaled = TensorData.Scaled(trajectory, scaler, device);

        // reconstruction in physical units over all 1020 frames
        var frames = scaled.reshape(warmup + horizon, 2, 101);
        var decoded = autoencoder.Decode(autoencoder.Encode(frames)).cpu().data<double>().ToArray();
        scaler.Unscale(decoded, 202);
        double mse = decoded.Select((v, i) => (v - trajectory.Values[i]) * (v - trajectory.Values[i])).Average();
        Assert.InRange(mse, 5.5e-6, 7.5e-6);

        using var forecast = new LatentForecaster(autoencoder, propagator, null).Run(scaled, warmup, horizon);
        var predictions = forecast.Predictions.cpu().data<double>().ToArray();
        scaler.Unscale(predictions, 202);
        var targets = trajectory.Values.AsSpan(warmup * 202).ToArray();
        var errors = ForecastErrors.Compute(predictions, targets, 1, horizon, ["u", "v"], [scaler.Max[0] - scaler.Min[0], scaler.Max[1] - scaler.Min[1]]);
        double inhibitor = errors["mnad_v"].Mean();
        output.WriteLine($"AE reconstruction MSE {mse:E3} (physical units); Latent-LED MNAD inhibitor {inhibitor:E3}, activator {errors["mnad_u"].Mean():E3}");
        Assert.InRange(inhibitor, 0.001, 0.01);
    }

    [SharedDataFact("data", "fhn-reference", "paper-led-model.pt")]
    public void AMisconfiguredModelIsRefusedWithEveryMismatchNamed()
    {
        var device = CpuDevice.Seeded(1);
        var system = new FitzHughNagumo(new FitzHughNagumoOptions());
        var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 3, Layers = 3, Width = 100 }, system.Description, device);
        var propagator = new LstmPropagator(new LstmOptions { Hidden = 16 }, new LatentSpace(3), device);
        var before = autoencoder.Module.state_dict()["ENCODER.1.layer.weight"].clone();
        var ex = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(Path.Combine(Reference, "paper-led-model.pt"), [autoencoder, propagator]));
        Assert.Contains("ENCODER.10.layer.weight: shape [2, 100] in the file, [3, 100] configured", ex.Message);
        Assert.Contains("lstm.weight_hh_l0: shape [128, 32] in the file, [64, 16] configured", ex.Message);
        Assert.True(autoencoder.Module.state_dict()["ENCODER.1.layer.weight"].eq(before).all().item<bool>(), "nothing is loaded when anything mismatches");

        var f32 = CpuDevice.Seeded(1, ScalarType.Float32);
        var single = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 2 }, system.Description, f32);
        var lstm32 = new LstmPropagator(new LstmOptions { Hidden = 32 }, new LatentSpace(2), f32);
        var precision = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(Path.Combine(Reference, "paper-led-model.pt"), [single, lstm32]));
        Assert.Contains("set precision to float64", precision.Message);
    }

    [Fact]
    public void FilesThatAreNotPyTorchArchivesAreRefused()
    {
        string dir = Directory.CreateTempSubdirectory("led-import").FullName;
        try
        {
            string text = Path.Combine(dir, "weights.pt");
            File.WriteAllText(text, "not a zip");
            Assert.Contains("is not a PyTorch archive", Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(text, [])).Message);
            string zip = Path.Combine(dir, "other.pt");
            using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
                archive.CreateEntry("readme.txt");
            Assert.Contains("no data.pkl", Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(zip, [])).Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
