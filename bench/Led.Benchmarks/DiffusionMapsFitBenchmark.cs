using System.Diagnostics;
using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Autoencoders.DiffusionMaps;
using Led.Autoencoders.Pca;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Systems.KuramotoSivashinsky;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// <c>diffusion-maps</c>: fit time, peak memory and reconstruction error of the <c>DiffusionMaps</c> autoencoder on
/// 15,000 KS frames (N = 64, L = 22, Δt = 0.25 at δt = 2.5e-3, on the attractor, min–max scaled to [0, 1] over the
/// training frames), for several landmark counts, with PCA at the same d_z for comparison; float64, CPU.
/// </summary>
public sealed class DiffusionMapsFitBenchmark : IBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "diffusion-maps";

    public string Run(IReadOnlyList<string> args)
    {
        int frames = int.Parse(BenchmarkArguments.Option(args, "frames") ?? "15000", C);
        int latentDim = int.Parse(BenchmarkArguments.Option(args, "latent-dim") ?? "8", C);
        int threads = int.Parse(BenchmarkArguments.Option(args, "threads") ?? "1", C);
        double epsilonFactor = double.Parse(BenchmarkArguments.Option(args, "epsilon-factor") ?? "5", C);
        int[] landmarks = (BenchmarkArguments.Option(args, "landmarks") ?? "2000,3000,4000").Split(',').Select(s => int.Parse(s, C)).Order().ToArray();
        const int testFrames = 1000;
        var (training, test) = KsFrames(frames, testFrames);
        var description = new SystemDescription(["u"], [64], [22.0], 0.25, true);
        var device = DeviceContext.Create("cpu", Precision.Float64, threads, 1);
        double baselineMiB = PeakMiB();

        var text = new StringBuilder();
        text.AppendLine(C, $"| model ({frames} training frames × 64, d_z = {latentDim}) | fit (wall) | fit (CPU time) | peak working set after the fit | encode + decode per frame | test MSE (scaled, {testFrames} frames) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (int count in landmarks)
        {
            using var maps = new DiffusionMapsAutoencoder(new DiffusionMapsOptions { LatentDim = latentDim, MaxLandmarks = count, EpsilonFactor = epsilonFactor }, description, device);
            double fit = Measure(maps, training, test, out double cpu, out double mse, out double perFrame);
            text.AppendLine(C, $"| DiffusionMaps, maxLandmarks {count} (ε = {maps.Epsilon:G3}, λ_{latentDim + 1} = {maps.Eigenvalues[^1]:G2}) | {fit:F1} s | {cpu:F1} s | {PeakMiB():F0} MiB | {perFrame * 1e3:F2} ms | {mse:E2} |");
        }
        using (var pca = new PcaAutoencoder(new PcaOptions { LatentDim = latentDim }, description, device))
        {
            double fit = Measure(pca, training, test, out double cpu, out double mse, out double perFrame);
            text.AppendLine(C, $"| Pca | {fit:F1} s | {cpu:F1} s | {PeakMiB():F0} MiB | {perFrame * 1e3:F3} ms | {mse:E2} |");
        }
        text.AppendLine();
        text.AppendLine(C, $"Threads: {threads}. The fits run in increasing landmark count, so each row's peak is that fit's (the process held {baselineMiB:F0} MiB with the data before the first). Encode + decode: one call on all test frames, divided by their number. epsilonFactor {epsilonFactor} (the reference's default: 5), neighbors 10.");
        if (File.Exists("/proc/loadavg"))
            text.AppendLine(C, $"Load average when the run ended (other work on the machine inflates the times): {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        return text.ToString();
    }

    private static double Measure(IAutoencoder autoencoder, Tensor training, Tensor test, out double cpuSeconds, out double mse, out double secondsPerFrame)
    {
        using var scope = NewDisposeScope();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        ((IFittable)autoencoder).Fit(new FitData([training], []));
        double fit = watch.Elapsed.TotalSeconds;
        process.Refresh();
        cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        watch.Restart();
        var reconstructed = autoencoder.Decode(autoencoder.Encode(test));
        secondsPerFrame = watch.Elapsed.TotalSeconds / test.shape[0];
        mse = reconstructed.sub(test).square().mean().item<double>();
        return fit;
    }

    /// <summary>Training and test frames [T, 1, 64] of one trajectory (test after training), scaled with the training min and max.</summary>
    private static (Tensor Training, Tensor Test) KsFrames(int training, int test)
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 2.5e-3 });
        var solver = system.CreateSolver();
        solver.SetState(KsSolverBenchmark.AttractorState());
        var values = new double[(training + test) * 64];
        for (int t = 0; t < training + test; t++)
        {
            solver.Advance(100);
            solver.GetState(values.AsSpan(t * 64, 64));
        }
        double min = values.Take(training * 64).Min(), max = values.Take(training * 64).Max();
        var all = tensor(values.Select(v => (v - min) / (max - min)).ToArray(), [training + test, 1, 64]);
        return (all[..training].clone(), all[training..].clone());
    }

    private static double PeakMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
}
