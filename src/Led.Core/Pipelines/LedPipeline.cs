using System.Diagnostics;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Forecasting;
using Led.Core.Metrics;
using Led.Core.Progress;
using Led.Core.Reports;
using Led.Core.Training;
using Serilog;
using static TorchSharp.torch;

namespace Led.Core.Pipelines;

/// <summary>
/// The LED stages of one experiment: data (simulate or read), training (autoencoder, then propagator with the
/// autoencoder frozen) and Latent-LED forecasting with the paper's metrics, timings and plots.
/// </summary>
public sealed class LedPipeline(ExperimentConfig config, IComponentFactory components, IDeviceContext device, ILogger log,
    IProgressReporter progress, CancellationToken cancel = default)
{
    private IDynamicalSystem? _system;

    public IDynamicalSystem System => _system ??= (IDynamicalSystem)components.Create("system");

    /// <summary>The experiment's dataset: read from <c>data.path</c>, or simulated (and written to <paramref name="saveTo"/>).</summary>
    public LedDataset Data(string? saveTo, string provenanceJson)
    {
        if (config.Data.Path is { } path)
        {
            var read = DatasetFile.Read(path);
            var expected = System.Description;
            if (!read.Description.Shape.SequenceEqual(expected.Shape))
                throw new InvalidDataException($"{path} holds states [{string.Join(", ", read.Description.Shape)}] but the system " +
                                               $"{config.System!.Name} produces [{string.Join(", ", expected.Shape)}]: regenerate it with `led simulate`");
            log.Information("data: read {Path} ({Train} train, {Validation} validation, {Test} test trajectories)", path, read.Train.Count, read.Validation.Count, read.Test.Count);
            return read;
        }
        var initial = config.System!.InitialState is { } spec ? InitialStateReader.Read(spec, System.Description) : null;
        var clock = Stopwatch.StartNew();
        var data = new DataGenerator(System, config.System.Name, config.Data, PipelineChecks.TestLength(config), config.Seed) { InitialState = initial }
            .Generate(progress, cancel);
        log.Information("data: simulated in {Seconds:F1} s; scaler min [{Min}] max [{Max}]", clock.Elapsed.TotalSeconds,
            string.Join(", ", data.Scaler.Min.Select(v => v.ToString("G6"))), string.Join(", ", data.Scaler.Max.Select(v => v.ToString("G6"))));
        if (saveTo is not null) DatasetFile.Write(saveTo, data, provenanceJson, config.Data.Storage == "float32");
        return data;
    }

    /// <summary>
    /// One trajectory from <c>system.initialState</c> (or a random state drawn with the seed): after
    /// <paramref name="transient"/>, <paramref name="samples"/> snapshots every <paramref name="interval"/> (the coarse Δt, or
    /// e.g. the micro step to compare solvers), written to HDF5 as <c>/trajectory</c> <c>[t, channel, grid…]</c> with <c>/time</c>.
    /// </summary>
    public void SimulateTrajectory(string path, int samples, double? interval, double transient, string provenanceJson)
    {
        var d = System.Description;
        double dt = interval ?? d.CoarseTimeStep;
        var initial = config.System!.InitialState is { } spec ? InitialStateReader.Read(spec, d) : null;
        var set = new TrajectorySet(1, samples, d.Shape);
        var time = new double[samples];
        using (var sim = initial is null ? System.Start((ulong)config.Seed) : System.Lift(initial, 0))
        using (var task = progress.Start($"simulating {samples} samples every {dt:G4}", samples))
        {
            if (transient > 0) sim.Advance(transient);
            for (int t = 0; t < samples; t++)
            {
                cancel.ThrowIfCancellationRequested();
                if (t > 0) sim.Advance(dt);
                sim.Observe(set.Frame(0, t));
                time[t] = sim.Time;
                if ((t & 255) == 255) task.Report(t + 1);
            }
            task.Report(samples);
        }
        if (set.Values.Any(v => !double.IsFinite(v)))
            throw new InvalidDataException("the simulation diverged (non-finite values): reduce the micro time step");
        var file = new PureHDF.H5File
        {
            ["trajectory"] = new PureHDF.H5Dataset(set.Values, fileDims: set.Shape.Skip(1).Select(x => (ulong)x).ToArray()),
            ["time"] = time,
        };
        file.Attributes["system"] = config.System.Name;
        file.Attributes["channels"] = d.Channels.ToArray();
        file.Attributes["grid"] = d.Grid.ToArray();
        file.Attributes["extent"] = d.Extent.ToArray();
        file.Attributes["dt"] = dt;
        file.Attributes["provenance"] = provenanceJson;
        DatasetFile.WriteAtomically(path, p => file.Write(p));
        log.Information("trajectory: {Samples} samples every {Dt:G4} from t = {Start:G6}", samples, dt, time[0]);
    }

    /// <summary>Creates the configured autoencoder and propagator (untrained), owned by the caller (see <see cref="LedModel"/>).</summary>
    public (IAutoencoder Autoencoder, ILatentPropagator Propagator) CreateModel()
    {
        var autoencoder = (IAutoencoder)components.Create("encoder", System.Description, device);
        try
        {
            return (autoencoder, (ILatentPropagator)components.Create("propagator", new LatentSpace(autoencoder.LatentDim), device));
        }
        catch
        {
            (autoencoder as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Trains the model on the dataset, saves it into <paramref name="modelDirectory"/> and plots the losses into
    /// <paramref name="reportDirectory"/>. With <c>training.autoencoder</c> the autoencoder is loaded from there, frozen;
    /// with <paramref name="autoencoderOnly"/> training stops after the autoencoder (the saved model has no propagator).
    /// The caller owns the returned model; when training fails, the components are disposed here.
    /// </summary>
    public (LedModel Model, Dictionary<string, double> Metrics) Train(LedDataset data, string modelDirectory, string reportDirectory, bool autoencoderOnly = false)
    {
        var (autoencoder, propagator) = CreateModel();
        try
        {
            return Train(autoencoder, propagator, data, modelDirectory, reportDirectory, autoencoderOnly);
        }
        catch
        {
            LedModel.DisposeComponents(autoencoder, propagator);
            throw;
        }
    }

    private (LedModel Model, Dictionary<string, double> Metrics) Train(IAutoencoder autoencoder, ILatentPropagator propagator, LedDataset data,
        string modelDirectory, string reportDirectory, bool autoencoderOnly)
    {
        var clock = Stopwatch.StartNew();
        var metrics = new Dictionary<string, double>();
        using var train = TensorData.Scaled(data.Train, data.Scaler, device);
        using var validation = TensorData.Scaled(data.Validation, data.Scaler, device);
        using var trainFrames = Frames(train);
        using var validationFrames = Frames(validation);

        var aeTraining = new AutoencoderTraining(config.Training, config.Seed, log, progress);
        LatentScaler? latentScaler = null;
        IReadOnlyList<EpochRecord> aeHistory = [], propagatorHistory;
        if (config.Training.Mode == "endToEnd")
        {
            var trainList = Enumerable.Range(0, (int)train.shape[0]).Select(i => train[i]).ToList();
            var validationList = Enumerable.Range(0, (int)validation.shape[0]).Select(i => validation[i]).ToList();
            propagatorHistory = new EndToEndTraining(config.Training, config.Seed, log, progress).Train(autoencoder, propagator, trainList, validationList, cancel);
            foreach (var t in trainList.Concat(validationList)) t.Dispose();
            metrics["autoencoder_validation_mse_scaled"] = aeTraining.ReconstructionLoss(autoencoder, validationFrames);
        }
        else
        {
            if (config.Training.Autoencoder is { } pretrained)
                LoadPretrainedAutoencoder(LedModel.ResolveDirectory(pretrained), autoencoder, data.Scaler);
            else
                aeHistory = aeTraining.Train(autoencoder, trainFrames, validationFrames, cancel);
            metrics["autoencoder_validation_mse_scaled"] = aeTraining.ReconstructionLoss(autoencoder, validationFrames);
            if (autoencoder is ITrainable trainableAe)
                foreach (var p in trainableAe.Module.parameters()) p.requires_grad = false;
            if (autoencoderOnly)
            {
                log.Information("autoencoder: validation reconstruction MSE {Mse:E4} (scaled units)", metrics["autoencoder_validation_mse_scaled"]);
                metrics["training_seconds"] = clock.Elapsed.TotalSeconds;
                LedModel.SaveAutoencoder(modelDirectory, autoencoder, data.Scaler);
                WriteHistories(reportDirectory, [("autoencoder", aeHistory)]);
                return (new LedModel(autoencoder, propagator, data.Scaler, null), metrics);
            }

            var forecaster = new LatentForecaster(autoencoder, propagator, null);
            using var trainLatents = forecaster.Encode(train);
            using var validationLatents = forecaster.Encode(validation);
            // The reference fits the latent bounds on the validation encodings only; with the smaller datasets a quick run
            // uses, test states then leave that range and the tanhplus output saturates, so training encodings count too.
            using var allLatents = cat([trainLatents.reshape(-1, autoencoder.LatentDim), validationLatents.reshape(-1, autoencoder.LatentDim)], 0);
            latentScaler = LatentScaler.Fit(allLatents);
            var trainScaled = Enumerable.Range(0, (int)train.shape[0]).Select(i => latentScaler.Scale(trainLatents[i])).ToList();
            var validationScaled = Enumerable.Range(0, (int)validation.shape[0]).Select(i => latentScaler.Scale(validationLatents[i])).ToList();
            propagatorHistory = new PropagatorTraining(config.Training, latentScaler, config.Seed, log, progress)
                .Train(propagator, trainScaled, validationScaled, cancel);
            foreach (var t in trainScaled.Concat(validationScaled)) t.Dispose();
        }
        log.Information("autoencoder: validation reconstruction MSE {Mse:E4} (scaled units)", metrics["autoencoder_validation_mse_scaled"]);
        if (propagatorHistory.Count > 0) metrics["propagator_validation_loss"] = propagatorHistory.Min(r => r.ValidationLoss);
        metrics["training_seconds"] = clock.Elapsed.TotalSeconds;

        var model = new LedModel(autoencoder, propagator, data.Scaler, latentScaler);
        model.Save(modelDirectory);
        WriteHistories(reportDirectory, [("autoencoder", aeHistory), (config.Training.Mode == "endToEnd" ? "end_to_end" : "propagator", propagatorHistory)]);
        return (model, metrics);
    }

    /// <summary>Loads a pre-trained autoencoder; it must have been trained on data with this dataset's scaling.</summary>
    private void LoadPretrainedAutoencoder(string directory, IAutoencoder autoencoder, MinMaxScaler scaler)
    {
        var (trainedScaler, _) = LedModel.LoadAutoencoder(directory, autoencoder);
        bool same = trainedScaler.Min.Length == scaler.Min.Length &&
                    trainedScaler.Min.Zip(scaler.Min).Concat(trainedScaler.Max.Zip(scaler.Max))
                        .All(p => Math.Abs(p.First - p.Second) <= 1e-12 * Math.Max(1, Math.Abs(p.Second)));
        if (!same)
            throw new InvalidDataException($"training.autoencoder: the autoencoder in {directory} was trained on data scaled to " +
                                           $"[{string.Join(", ", trainedScaler.Min.Select(v => v.ToString("G6")))}] … [{string.Join(", ", trainedScaler.Max.Select(v => v.ToString("G6")))}], " +
                                           $"this run's data give [{string.Join(", ", scaler.Min.Select(v => v.ToString("G6")))}] … [{string.Join(", ", scaler.Max.Select(v => v.ToString("G6")))}]: " +
                                           "use the system and data sections it was trained with, or remove training.autoencoder to train one");
        log.Information("autoencoder: reused from {Directory} (frozen)", directory);
    }

    private void WriteHistories(string reportDirectory, IEnumerable<(string Name, IReadOnlyList<EpochRecord> History)> histories)
    {
        Directory.CreateDirectory(reportDirectory);
        foreach (var (name, history) in histories)
        {
            if (history.Count == 0) continue;
            File.WriteAllLines(Path.Combine(reportDirectory, $"training_{name}.csv"),
                ["epoch,round,learning_rate,train_loss,validation_loss,seconds", .. history.Select(r =>
                    FormattableString.Invariant($"{r.Epoch},{r.Round},{r.LearningRate:R},{r.TrainLoss:R},{r.ValidationLoss:R},{r.Seconds:F3}"))]);
            if (config.Output.Plots)
            {
                var epochs = history.Select(r => (double)r.Epoch).ToArray();
                Plots.Lines(Path.Combine(reportDirectory, $"training_{name}"), $"{name} training", "epoch", "loss",
                    [("train", epochs, history.Select(r => r.TrainLoss).ToArray()), ("validation", epochs, history.Select(r => r.ValidationLoss).ToArray())], logY: true);
            }
        }
    }

    /// <summary>Latent-LED from the test initial conditions: metrics, timings, and (per config) the forecast file and plots.</summary>
    public Dictionary<string, double> Forecast(LedDataset data, LedModel model, string outputDirectory)
    {
        var f = config.Forecast;
        int ics = f.InitialConditions > 0 ? Math.Min(f.InitialConditions, data.Test.Count) : data.Test.Count;
        int warmup = f.Warmup, horizon = f.Horizon, frame = data.Test.FrameSize;
        if (data.Test.Length < warmup + horizon)
            throw new InvalidDataException($"test trajectories have {data.Test.Length} samples; forecast.warmup + forecast.horizon need {warmup + horizon}");
        var test = new TrajectorySet(ics, warmup + horizon, data.Test.FrameShape);
        for (int i = 0; i < ics; i++) data.Test.Trajectory(i)[..test.Trajectory(i).Length].CopyTo(test.Trajectory(i));
        var targets = new double[(long)ics * horizon * frame];
        var persistence = new double[targets.Length];
        for (int i = 0; i < ics; i++)
            for (int t = 0; t < horizon; t++)
            {
                test.Frame(i, warmup + t).CopyTo(targets.AsSpan(((i * horizon) + t) * frame, frame));
                test.Frame(i, warmup - 1).CopyTo(persistence.AsSpan(((i * horizon) + t) * frame, frame));
            }

        var clock = Stopwatch.StartNew();
        using var scaled = TensorData.Scaled(test, model.DataScaler, device);
        var forecaster = new LatentForecaster(model.Autoencoder, model.Propagator, model.LatentScaler);
        using var forecast = forecaster.Run(scaled, warmup, horizon, cancel);
        double forecastSeconds = clock.Elapsed.TotalSeconds;
        var predictions = ToArray(forecast.Predictions);
        model.DataScaler.Unscale(predictions, frame);

        var channels = data.Description.Channels;
        var range = model.DataScaler.Max.Zip(model.DataScaler.Min, (a, b) => a - b).ToArray();
        var errors = ForecastErrors.Compute(predictions, targets, ics, horizon, channels, range);
        var baseline = ForecastErrors.Compute(persistence, targets, ics, horizon, channels, range);
        int shortSteps = Math.Max(1, horizon / 10);
        var metrics = new Dictionary<string, double>
        {
            ["initial_conditions"] = ics,
            ["warmup"] = warmup,
            ["horizon"] = horizon,
            ["mse"] = errors["mse"].Mean(),
            ["mnad"] = errors["mnad"].Mean(),
            ["nrmse"] = errors["nrmse"].Mean(),
            ["correlation"] = errors["correlation"].Mean(),
            ["mnad_short"] = errors["mnad"].Mean(shortSteps),
            ["mnad_persistence"] = baseline["mnad"].Mean(),
            ["mnad_persistence_short"] = baseline["mnad"].Mean(shortSteps),
            ["short_horizon_steps"] = shortSteps,
            ["forecast_seconds"] = forecastSeconds,
        };
        foreach (var c in channels) metrics[$"mnad_{Snake(c)}"] = errors[$"mnad_{c}"].Mean();
        foreach (int h in f.ReportHorizons)
        {
            metrics[$"mnad_h{h}"] = errors["mnad"].Mean(h);
            foreach (var c in channels)
            {
                metrics[$"mnad_{Snake(c)}_h{h}"] = errors[$"mnad_{c}"].Mean(h);
                metrics[$"mnad_{Snake(c)}_ic0_h{h}"] = errors[$"mnad_{c}"].MeanOf(0, h);
            }
        }
        metrics["reconstruction_mse"] = ReconstructionMse(model, scaled, test);
        foreach (var (key, value) in PluginMetrics(predictions, targets, ics, ""))
            if (!metrics.TryAdd(key, value))
                throw new InvalidOperationException($"a plugin metric returned the key '{key}', which a built-in metric uses: rename it in the plugin");
        var d = data.Description;
        int perChannel = frame / channels.Count;
        for (int c = 0; c < channels.Count; c++)
        {
            var (p, y) = (Channel(predictions, frame, c, perChannel), Channel(targets, frame, c, perChannel));
            var (l1, w1) = DistributionErrors.StateDistribution(p, y, ics);
            metrics[$"state_distribution_l1_{Snake(channels[c])}"] = l1;
            metrics[$"wasserstein_{Snake(channels[c])}"] = w1;
            if (d.Grid.Count == 1)
            {
                var density = DistributionErrors.DerivativeDensity(p, y, d.Grid[0], d.Extent[0] / (d.Periodic ? d.Grid[0] : d.Grid[0] - 1), d.Periodic);
                metrics[$"ux_uxx_l1_{Snake(channels[c])}"] = density.L1;
                if (config.Output.Plots)
                    ForecastPlots.DerivativeDensities(Path.Combine(outputDirectory, $"ux_uxx_{channels[c]}"), channels[c], density);
            }
        }

        using (var first = forecast.EncodedTruth[0, warmup - 1].clone())
        {
            double micro = SpeedMeasurement.MicroSolver(System, test.Frame(0, warmup - 1).ToArray());
            var (latent, decoded) = SpeedMeasurement.Latent(model.Autoencoder, model.Propagator, model.LatentScaler,
                model.LatentScaler?.Scale(first) ?? first.alias());
            metrics["micro_seconds_per_step"] = micro;
            metrics["latent_seconds_per_step"] = latent;
            metrics["latent_decoded_seconds_per_step"] = decoded;
            metrics["speedup_latent"] = micro / latent;
            metrics["speedup_latent_decoded"] = micro / decoded;
            using var startLatent = (model.LatentScaler?.Scale(first) ?? first.alias()).to(ScalarType.Float64).cpu();
            if (SpeedMeasurement.FastLatent(model.Autoencoder, model.Propagator, model.LatentScaler, startLatent.data<double>().ToArray(),
                    dtype: device.DType) is var (fast, fastDecoded))
            {
                metrics["latent_fast_seconds_per_step"] = fast;
                metrics["latent_decoded_fast_seconds_per_step"] = fastDecoded;
                metrics["speedup_latent_fast"] = micro / fast;
                metrics["speedup_latent_decoded_fast"] = micro / fastDecoded;
            }
        }
        log.Information("forecast: {Ics} initial conditions × {Horizon} steps: MNAD {Mnad:G4} (persistence {Persistence:G4}), correlation {Corr:G4}, speed-up {Speedup:F0}× (with decoder {Decoded:F0}×)",
            ics, horizon, metrics["mnad"], metrics["mnad_persistence"], metrics["correlation"], metrics["speedup_latent"], metrics["speedup_latent_decoded"]);

        Directory.CreateDirectory(outputDirectory);
        if (f.Multiscale.MacroSteps.Count > 0)
            foreach (var (key, value) in Multiscale(test, targets, model, warmup, horizon, outputDirectory)) metrics[key] = value;
        if (config.Output.Predictions)
            ForecastFile.Write(Path.Combine(outputDirectory, "forecast.h5"), predictions, targets, [ics, horizon, .. data.Test.FrameShape.Select(d => (long)d)],
                ToArray(forecast.Latents), forecast.Latents.shape, ToArray(forecast.EncodedTruth), forecast.EncodedTruth.shape,
                errors, data.Description.CoarseTimeStep, warmup);
        if (config.Output.Plots)
            ForecastPlots.Write(outputDirectory, data.Description, errors, baseline, predictions, targets, forecast, warmup);
        return metrics;
    }

    /// <summary>
    /// Multiscale-LED for every (T_μ, T_m) of <c>forecast.multiscale</c>, plus the pure solver (T_m = 0) as the timing
    /// reference: MNAD, correlation and speed-up per mode (keys <c>multiscale_mu{T_μ}_m{T_m}_…</c>), a CSV table and
    /// plots against ρ = T_m/T_μ.
    /// </summary>
    /// <summary>The config's plugin metrics (<c>metrics</c>) of a forecast, their keys prefixed with <paramref name="prefix"/>.</summary>
    private Dictionary<string, double> PluginMetrics(double[] predictions, double[] targets, int ics, string prefix)
    {
        var result = new Dictionary<string, double>();
        var d = System.Description;
        for (int i = 0; i < config.Metrics.Count; i++)
        {
            var metric = (IForecastMetric)components.Create($"metrics[{i}]", d);
            foreach (var (key, value) in metric.Evaluate(d, predictions, targets, ics))
            {
                if (!global::System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9_]+$") || !result.TryAdd(prefix + key, value))
                    throw new InvalidOperationException($"metric {config.Metrics[i].Name} returned the key '{key}', which is not snake_case or is taken: rename it in the plugin");
            }
        }
        return result;
    }

    private Dictionary<string, double> Multiscale(TrajectorySet test, double[] targets, LedModel model, int warmup, int horizon, string outputDirectory)
    {
        var m = config.Forecast.Multiscale;
        var micro = m.MicroSteps.Count > 0 ? m.MicroSteps : [1];
        var forecaster = new MultiscaleForecaster(model.Autoencoder, model.Propagator, model.LatentScaler, model.DataScaler, System);
        var channels = System.Description.Channels;
        var range = model.DataScaler.Max.Zip(model.DataScaler.Min, (a, b) => a - b).ToArray();
        var metrics = new Dictionary<string, double>();
        var rows = new List<(int Micro, int Macro, double Mnad, double[] ChannelMnad, double Correlation, double Seconds, ErrorSeries Series)>();
        var modes = micro.SelectMany(mu => m.MacroSteps.Prepend(0).Distinct().Select(tm => (mu, tm))).Distinct().ToList();
        using var task = progress.Start($"multiscale: {modes.Count} modes × {test.Count} initial conditions", modes.Count * test.Count);
        int done = 0;
        foreach (var (mu, tm) in modes)
        {
            var predictions = new double[targets.Length];
            double seconds = 0;
            for (int i = 0; i < test.Count; i++)
            {
                var (p, latent, microSeconds) = forecaster.Run(test, i, warmup, horizon, tm, mu, device, cancel);
                p.CopyTo(predictions.AsSpan(i * horizon * test.FrameSize));
                seconds += latent + microSeconds;
                task.Report(++done, $"T_μ {mu} T_m {tm}");
            }
            var errors = ForecastErrors.Compute(predictions, targets, test.Count, horizon, channels, range);
            if (tm > 0)
                foreach (var (key, value) in PluginMetrics(predictions, targets, test.Count, $"multiscale_mu{mu}_m{tm}_")) metrics[key] = value;
            rows.Add((mu, tm, errors["mnad"].Mean(), channels.Select(c => errors[$"mnad_{c}"].Mean()).ToArray(), errors["correlation"].Mean(),
                seconds / (test.Count * horizon), errors["mnad"]));
        }
        var table = new List<string> { "micro_steps,macro_steps,rho,mnad," + string.Concat(channels.Select(c => $"mnad_{Snake(c)},")) + "correlation,seconds_per_step,speedup" };
        foreach (var row in rows)
        {
            double reference = rows.First(r => r.Micro == row.Micro && r.Macro == 0).Seconds;
            double speedup = reference / row.Seconds;
            string key = $"multiscale_mu{row.Micro}_m{row.Macro}";
            (metrics[$"{key}_mnad"], metrics[$"{key}_correlation"], metrics[$"{key}_speedup"]) = (row.Mnad, row.Correlation, speedup);
            for (int c = 0; c < channels.Count; c++) metrics[$"{key}_mnad_{Snake(channels[c])}"] = row.ChannelMnad[c];
            table.Add(FormattableString.Invariant($"{row.Micro},{row.Macro},{(double)row.Macro / row.Micro:G6},{row.Mnad:R},") +
                      string.Concat(row.ChannelMnad.Select(v => FormattableString.Invariant($"{v:R},"))) +
                      FormattableString.Invariant($"{row.Correlation:R},{row.Seconds:R},{speedup:R}"));
        }
        File.WriteAllLines(Path.Combine(outputDirectory, "multiscale.csv"), table);
        if (config.Output.Plots)
            ForecastPlots.Multiscale(outputDirectory, System.Description.CoarseTimeStep, horizon,
                rows.Select(r => (r.Micro, r.Macro, r.Mnad, r.Correlation, rows.First(x => x.Micro == r.Micro && x.Macro == 0).Seconds / r.Seconds, r.Series)).ToList());
        return metrics;
    }

    private double ReconstructionMse(LedModel model, Tensor scaled, TrajectorySet test)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var forecaster = new LatentForecaster(model.Autoencoder, model.Propagator, null);
        var latents = forecaster.Encode(scaled).reshape(-1, model.Autoencoder.LatentDim);
        var decoded = ToArray(model.Autoencoder.Decode(latents));
        model.DataScaler.Unscale(decoded, test.FrameSize);
        double sum = 0;
        for (int i = 0; i < decoded.Length; i++) sum += (decoded[i] - test.Values[i]) * (decoded[i] - test.Values[i]);
        return sum / decoded.Length;
    }

    /// <summary>One channel's values of every frame, <c>[frames, points]</c> flattened.</summary>
    private static double[] Channel(double[] frames, int frameSize, int channel, int perChannel)
    {
        var result = new double[frames.Length / frameSize * perChannel];
        for (int f = 0; f < frames.Length / frameSize; f++)
            frames.AsSpan(f * frameSize + channel * perChannel, perChannel).CopyTo(result.AsSpan(f * perChannel, perChannel));
        return result;
    }

    private static Tensor Frames(Tensor trajectories) => trajectories.reshape([trajectories.shape[0] * trajectories.shape[1], .. trajectories.shape[2..]]);

    private static double[] ToArray(Tensor t)
    {
        using var cpu = t.detach().to(ScalarType.Float64).cpu().contiguous();
        return cpu.data<double>().ToArray();
    }

    private static string Snake(string name) => new(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
