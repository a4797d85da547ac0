using System.Diagnostics;
using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Autoencoders.Convolutional;
using Led.Autoencoders.Mlp;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Progress;
using Led.Core.Training;
using Led.Propagators.Lstm;
using Led.Systems.FitzHughNagumo;
using Led.Systems.KuramotoSivashinsky;
using Serilog.Core;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// <c>training-speed</c>: seconds per training epoch of the paper's models on synthetic data of the paper's shapes,
/// LED.NET (our modules and training code: <see cref="TruncatedBackpropagation.Epoch"/> with the propagator's latent MSE
/// and <see cref="TrainingObjective"/>'s end-to-end loss, <see cref="AutoencoderTraining.BatchLoss"/> per batch) against
/// the same models in PyTorch (<c>bench/training_speed_torch.py</c>, run now), both with Adam (lr 1e-3), float64 and
/// float32, one and two threads. Each epoch time is the fastest of three after one warm-up epoch.
/// </summary>
public sealed class TrainingSpeedBenchmark : IBenchmark
{
    // The synthetic sets: the same sizes in bench/training_speed_torch.py.
    private const int Batch = 32, KsWindows = 96, KsWindow = 101, KsChunk = 25, KsFrames = 960;
    private const int FhnWindows = 96, FhnWindow = 121, FhnChunk = 20, FhnWarmup = 20;
    private const double LearningRate = 1e-3;

    public string Name => "training-speed";

    public string Run(IReadOnlyList<string> args)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| model | precision | threads | optimiser steps / epoch | LED.NET s / epoch | PyTorch s / epoch | LED.NET / PyTorch |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        string? torchVersion = null;
        foreach (int threads in new[] { 1, 2 })
        {
            var ours = new Dictionary<(string, Precision), (double Seconds, int Steps)>();
            foreach (var precision in new[] { Precision.Float64, Precision.Float32 })
            {
                var device = DeviceContext.Create("cpu", precision, threads, 7);
                ours[("ks-propagator", precision)] = KsPropagator(device);
                ours[("ks-autoencoder", precision)] = KsAutoencoder(device);
                ours[("fhn-end-to-end", precision)] = FhnEndToEnd(device);
            }
            var peer = PythonPeer.Run("training_speed_torch.py", threads.ToString(c), "3");
            torchVersion = peer is null ? null : PythonPeer.DescribeTorch(peer);
            foreach (var ((model, precision), (seconds, steps)) in ours)
            {
                var row = peer?["rows"]!.AsArray().First(r => r!["model"]!.GetValue<string>() == model && r["dtype"]!.GetValue<string>() == precision.ToString());
                double theirs = row?["epoch_seconds"]!.GetValue<double>() ?? double.NaN;
                if (row is not null && row["steps"]!.GetValue<int>() != steps)
                    throw new InvalidOperationException($"{model}: {steps} optimiser steps per epoch here, {row["steps"]} in PyTorch");
                text.AppendLine(c, $"| {Describe(model)} | {precision} | {threads} | {steps} | {seconds:F3} | {(row is null ? "–" : theirs.ToString("F3", c))} | " +
                                   $"{(row is null ? "–" : (seconds / theirs).ToString("F2", c))} |");
            }
        }
        text.AppendLine();
        if (torchVersion is null) text.AppendLine(PythonPeer.MissingTorchNote).AppendLine();
        text.AppendLine($"Synthetic uniform data, batch {Batch}: KS propagator {KsWindows} windows of {KsWindow} latents (d_z 8), truncated BPTT in " +
                        $"chunks of {KsChunk}, latent MSE; KS autoencoder {KsFrames} frames [1, 64], reconstruction MSE; FHN end-to-end {FhnWindows} " +
                        $"windows of {FhnWindow} frames [2, 101], warm-up {FhnWarmup}, chunks of {FhnChunk}, loss ½(L_out + L_lat). " +
                        $"Both sides use Adam (lr {LearningRate}; the paper's AdaBelief is not in PyTorch 1.13). PyTorch: {torchVersion ?? "absent"}. Both sides shuffle every epoch, " +
                        "read each step's loss on the host, and time the fastest of three epochs after one warm-up epoch; the PyTorch models are " +
                        "bench/torch_models.py (same architectures and shapes, reference initialisation not reproduced: speed does not depend on it). " +
                        "Threads: libtorch intra-op threads on both sides (`torch.set_num_threads`). The machine is shared: compare the rows of one run.");
        return text.ToString();
    }

    private static string Describe(string model) => model switch
    {
        "ks-propagator" => "KS LSTM 256 propagator, d_z 8",
        "ks-autoencoder" => "KS CNN autoencoder, d_z 8",
        _ => "FHN MLP 3×100 d_z 2 + LSTM 32, end to end",
    };

    private static (double, int) KsPropagator(DeviceContext device)
    {
        using var propagator = new LstmPropagator(new LstmOptions { Hidden = 256 }, new LatentSpace(8), device);
        using var windows = rand(KsWindows, KsWindow, 8, dtype: device.DType);
        return Time([((ITrainable)propagator).Module], (optimizer, random) => TruncatedBackpropagation.Epoch(windows, Batch, KsChunk, random, propagator.Start,
            (state, input, target) => nn.functional.mse_loss(propagator.Forward(state, input), target), optimizer), KsWindows / Batch * ((KsWindow - 1) / KsChunk));
    }

    private static (double, int) KsAutoencoder(DeviceContext device)
    {
        var ks = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        using var autoencoder = new ConvAutoencoder1D(new ConvAutoencoder1DOptions { LatentDim = 8 }, ks.Description, device);
        using var frames = rand(KsFrames, 1, 64, dtype: device.DType);
        var training = new AutoencoderTraining(new TrainingOptions { BatchSize = Batch }, 7, Logger.None, new SilentProgress());
        return Time([autoencoder.Module], (optimizer, random) =>
        {
            var order = TensorData.Shuffled(KsFrames, random);
            for (int first = 0; first < order.Length; first += Batch)
            {
                using var scope = NewDisposeScope();
                var loss = training.BatchLoss(autoencoder, TensorData.Rows(frames, order.AsSpan(first, Math.Min(Batch, order.Length - first))), null);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                loss.to(ScalarType.Float64).item<double>();
            }
        }, KsFrames / Batch);
    }

    private static (double, int) FhnEndToEnd(DeviceContext device)
    {
        var fhn = new FitzHughNagumo(new FitzHughNagumoOptions());
        using var autoencoder = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 2 }, fhn.Description, device);
        using var propagator = new LstmPropagator(new LstmOptions { Hidden = 32 }, new LatentSpace(2), device);
        using var windows = rand(FhnWindows, FhnWindow, 2, 101, dtype: device.DType);
        var objective = new TrainingObjective(new TrainingOptions { OutputLoss = true, LatentLoss = true });
        return Time([autoencoder.Module, propagator.Module], (optimizer, random) => TruncatedBackpropagation.Epoch(windows, Batch, FhnChunk, random,
            propagator.Start, (state, input, target) => objective.Loss(autoencoder, propagator, state, input, target), optimizer, FhnWarmup,
            (state, frames) => objective.Warm(autoencoder, propagator, state, frames)), FhnWindows / Batch * ((FhnWindow - FhnWarmup - 1) / FhnChunk));
    }

    /// <summary>The fastest of three epochs after a warm-up one, with Adam on the modules' parameters; and the steps per epoch.</summary>
    private static (double Seconds, int Steps) Time(nn.Module[] modules, Action<IGradientOptimizer, Random> epoch, int steps)
    {
        foreach (var module in modules) module.train();
        using var optimizer = TorchOptimizer.Adam(modules.SelectMany(m => m.parameters()), LearningRate);
        var random = new Random(7);
        epoch(optimizer, random);
        double fastest = double.PositiveInfinity;
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            epoch(optimizer, random);
            fastest = Math.Min(fastest, clock.Elapsed.TotalSeconds);
        }
        return (fastest, steps);
    }
}
