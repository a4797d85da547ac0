using System.Diagnostics;
using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Autoencoders.Pca;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// <c>pca-memory</c>: peak resident memory of a PCA fit (d_z = 4) on frames of the cylinder flow's size in
/// configs/cylinder/re100.json (4 channels × 64 × 128 = 32,768 values, 250 training frames; also 10× the frames), exact
/// solver against the randomized one. The frames are synthetic (rank 20 plus noise, float64): memory depends on the
/// sizes, not on the values. Each fit runs in its own process; the figure is that process's peak RSS (VmHWM) minus its
/// RSS just before the fit, when the frames are already held (they belong to the caller in both cases).
/// </summary>
public sealed class PcaMemoryBenchmark : IBenchmark
{
    private const int FrameSize = 4 * 64 * 128;

    public string Name => "pca-memory";

    public string Run(IReadOnlyList<string> args)
    {
        int child = args.ToList().IndexOf("--child");
        if (child >= 0)
        {
            Console.WriteLine(Measure(Enum.Parse<PcaSolver>(args[child + 1]), int.Parse(args[child + 2], CultureInfo.InvariantCulture)));
            Environment.Exit(0);
        }
        var table = new StringBuilder();
        table.AppendLine("| frames × values | frames (MB) | exact: peak RSS above the frames (MB) | randomized (MB) | exact / randomized |");
        table.AppendLine("|---|---|---|---|---|");
        foreach (int frames in new[] { 250, 2500 })
        {
            double exact = InChild(PcaSolver.Exact, frames), randomized = InChild(PcaSolver.Randomized, frames);
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {frames} × {FrameSize} | {frames * (double)FrameSize * 8 / 1e6:F0} | {exact:F0} | {randomized:F0} | {exact / randomized:F1} |"));
        }
        table.AppendLine();
        table.AppendLine("Randomized: oversampling 10, 2 power iterations, chunks of 256 frames (the defaults). Synthetic rank-20 frames " +
                         "plus noise in float64; each fit in its own process, peak RSS (VmHWM) minus the RSS before the fit.");
        return table.ToString();
    }

    private static double InChild(PcaSolver solver, int frames)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(PcaMemoryBenchmark).Assembly.Location);
        foreach (var a in new[] { "pca-memory", "--child", solver.ToString(), frames.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>MB by which the fit raises the process's peak RSS above its RSS before the fit.</summary>
    private static double Measure(PcaSolver solver, int frames)
    {
        var system = new SystemDescription(["p", "u_x", "u_y", "omega"], [64, 128], [5.0, 10.0], 0.2, Periodic: false);
        var generator = new Generator(1);
        var basis = randn([20, FrameSize], dtype: ScalarType.Float64, generator: generator);
        var data = (randn([frames, 20], dtype: ScalarType.Float64, generator: generator).matmul(basis)
                    + 0.01 * randn([frames, FrameSize], dtype: ScalarType.Float64, generator: generator)).reshape(frames, 4, 64, 128);
        basis.Dispose();
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");                  // resets VmHWM to the current RSS
        double before = Status("VmRSS");
        using var pca = new PcaAutoencoder(new PcaOptions { LatentDim = 4, Solver = solver }, system, Led.Core.Compute.DeviceContext.Create("cpu", Led.Core.Configuration.Precision.Float64, 1, 0));
        pca.Fit(new FitData([data], []));
        return (Status("VmHWM") - before) / 1024;
    }

    private static double Status(string field) =>
        double.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
