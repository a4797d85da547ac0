using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Led.Abstractions.Learning;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Propagators.Lstm;
using Led.Toolkit.Learning;

namespace Led.Benchmarks;

/// <summary>
/// `lstm-step`: the compiled LSTM step (one trajectory, one thread) at the KS (d_z 8, hidden 256) and FHN (d_z 2,
/// hidden 32) sizes in float32 and float64, beside its roofline on the measuring core: the weights' bytes over the read
/// bandwidth measured on a buffer of the same size (where those weights sit in the cache hierarchy), and the multiply-adds
/// over the peak fused multiply-add rate measured at the kernel's SIMD width with independent register accumulators.
/// </summary>
public sealed class LstmStepBenchmark : IBenchmark
{
    public string Name => "lstm-step";

    public string Run(IReadOnlyList<string> args)
    {
        var body = new StringBuilder();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU: {CpuName()}; AVX-512F {Avx512F.IsSupported}, AVX2 {Avx2.IsSupported}, FMA {Fma.IsSupported}; " +
            $"512-bit vectors accelerated {Vector512.IsHardwareAccelerated}, 256-bit {Vector256.IsHardwareAccelerated}; " +
            $"L2 {Cache(2)} per core, L3 {Cache(3)}."));
        body.AppendLine();
        body.AppendLine("| model | precision | lanes | cell kernel µs / step | unfused µs / step | whole compiled step µs / step | weights KiB | read bandwidth at that size GB/s | bandwidth bound µs | multiply-adds / step | peak multiply-adds / ns | arithmetic bound µs | kernel / larger bound |");
        body.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (model, dz, hidden) in new[] { ("KS LSTM 256, d_z 8", 8, 256), ("FHN LSTM 32, d_z 2", 2, 32) })
        {
            body.AppendLine(Measure<float>(model, dz, hidden, Precision.Float32));
            body.AppendLine(Measure<double>(model, dz, hidden, Precision.Float64));
        }
        body.AppendLine();
        body.AppendLine("One thread; each time is the fastest of 400 short windows (the machine is shared: other jobs only add time). 'cell kernel' is LstmCellKernel.Step alone " +
                        "(the gate pre-activations, nonlinearities and cell update); 'unfused' is the same step as a row-major matrix–vector product " +
                        "(DenseKernels.MatVec, four rows a time, horizontal sums) followed by TensorPrimitives' sigmoid, tanh and cell update; 'whole compiled step' is IFastLatentStepSource.CompileStep() of " +
                        "an LstmPropagator (conversion to the model's precision, the layer and the d_z-row head). Bandwidth bound = weight bytes / " +
                        "read bandwidth measured by summing a buffer of the weights' size with the kernel's vector width; arithmetic bound = " +
                        "4·H·(d_z + H) multiply-adds / the fused multiply-add rate measured on register-resident accumulators at the kernel's width. " +
                        "Weights larger than the core's L2 are streamed from L3 at every step, and the bandwidth bound is then L3's.");
        return body.ToString();
    }

    private static string Measure<T>(string model, int dz, int hidden, Precision precision) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(5);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => 0.1 * (2 * random.NextDouble() - 1)).ToArray();
        var kernel = new LstmCellKernel<T>(dz, hidden, Draw(4 * hidden * dz), Draw(4 * hidden * hidden), Draw(4 * hidden), Draw(4 * hidden));
        var input = Enumerable.Range(0, dz).Select(d => T.CreateTruncating(0.1 * d)).ToArray();
        double cell = Fastest(20000, () => kernel.Step(input));
        double unfused = Fastest(20000, UnfusedStep(dz, hidden, Draw(4 * hidden * (dz + hidden)), Draw(4 * hidden), input));

        var device = DeviceContext.Create("cpu", precision, 1, 7);
        using var lstm = new LstmPropagator(new LstmOptions { Hidden = hidden }, new LatentSpace(dz), device);
        var step = lstm.CompileStep();
        var (latent, next) = (Enumerable.Repeat(0.5, dz).ToArray(), new double[dz]);
        double whole = Fastest(20000, () => step.Step(latent, next));

        long weights = 4L * hidden * (dz + hidden), bytes = weights * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        double bandwidth = ReadBandwidth<T>((int)weights, kernel.Lanes);
        double peak = PeakMultiplyAdds<T>(kernel.Lanes);
        double bandwidthBound = bytes / bandwidth, arithmeticBound = weights / peak;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {model} | {precision} | {kernel.Lanes} | {cell * 1e6:F2} | {unfused * 1e6:F2} | {whole * 1e6:F2} | {bytes / 1024.0:F0} | {bandwidth / 1e9:F0} | {bandwidthBound * 1e6:F2} | " +
            $"{weights} | {peak / 1e9:F1} | {arithmeticBound * 1e6:F2} | {cell / Math.Max(bandwidthBound, arithmeticBound):F1}× |");
    }

    /// <summary>One LSTM step as separate passes: W [x; h] + b row by row, then the gates and the cell update over whole spans.</summary>
    private static Action UnfusedStep<T>(int dz, int hidden, double[] weights, double[] bias, T[] input) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var w = weights.Select(T.CreateTruncating).ToArray();
        var b = bias.Select(T.CreateTruncating).ToArray();
        var (xh, gates, c, tanhC) = (new T[dz + hidden], new T[4 * hidden], new T[hidden], new T[hidden]);
        return () =>
        {
            input.CopyTo(xh, 0);
            DenseKernels.MatVec<T>(w, b, xh, gates);
            Span<T> g = gates;
            TensorPrimitives.Sigmoid(g[..(2 * hidden)], g[..(2 * hidden)]);
            TensorPrimitives.Tanh(g.Slice(2 * hidden, hidden), g.Slice(2 * hidden, hidden));
            TensorPrimitives.Sigmoid(g.Slice(3 * hidden, hidden), g.Slice(3 * hidden, hidden));
            TensorPrimitives.Multiply(g.Slice(hidden, hidden), c, c);
            TensorPrimitives.MultiplyAdd(g[..hidden], g.Slice(2 * hidden, hidden), c, c);
            TensorPrimitives.Tanh(c, tanhC);
            TensorPrimitives.Multiply(g.Slice(3 * hidden, hidden), tanhC, xh.AsSpan(dz));
        };
    }

    /// <summary>
    /// Seconds per call after half a second of warm-up: the fastest of 400 windows of <paramref name="repeats"/>/100 calls each. Windows a few
    /// milliseconds long mostly fit between the scheduler's preemptions on a shared machine, so the fastest is the
    /// undisturbed time.
    /// </summary>
    private static double Fastest(int repeats, Action action)
    {
        int window = Math.Max(1, repeats / 100);
        var warmup = Stopwatch.StartNew();                         // long enough for the JIT's optimised tier to take over
        while (warmup.Elapsed.TotalSeconds < 0.5) action();
        return Enumerable.Range(0, 400).Min(_ =>
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < window; i++) action();
            return Stopwatch.GetElapsedTime(start).TotalSeconds / window;
        });
    }

    /// <summary>Bytes per second read from a buffer of <paramref name="count"/> values summed at <paramref name="lanes"/> values per load (four accumulators).</summary>
    private static double ReadBandwidth<T>(int count, int lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var buffer = Enumerable.Range(0, count).Select(i => T.CreateTruncating(1e-6 * (i % 7))).ToArray();
        T sink = T.Zero;
        int repeats = Math.Max(50, (int)(2e8 / count));
        double seconds = Fastest(repeats, () => sink += lanes switch
        {
            >= 8 when Vector512.IsHardwareAccelerated && lanes == Vector512<T>.Count => Sum512(buffer),
            > 1 => Sum256(buffer),
            _ => buffer.Aggregate(T.Zero, (a, b) => a + b),
        });
        GC.KeepAlive(sink);
        return count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() / seconds;
    }

    private static T Sum512<T>(T[] buffer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector512<T>.Count, i = 0;
        ref T start = ref MemoryMarshal.GetArrayDataReference(buffer);
        Vector512<T> a = Vector512<T>.Zero, b = a, c = a, d = a;
        for (; i + 4 * v <= buffer.Length; i += 4 * v)
        {
            a += Vector512.LoadUnsafe(ref start, (nuint)(i));
            b += Vector512.LoadUnsafe(ref start, (nuint)(i + v));
            c += Vector512.LoadUnsafe(ref start, (nuint)(i + 2 * v));
            d += Vector512.LoadUnsafe(ref start, (nuint)(i + 3 * v));
        }
        return Vector512.Sum(a + b + c + d);
    }

    private static T Sum256<T>(T[] buffer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector256<T>.Count, i = 0;
        ref T start = ref MemoryMarshal.GetArrayDataReference(buffer);
        Vector256<T> a = Vector256<T>.Zero, b = a, c = a, d = a;
        for (; i + 4 * v <= buffer.Length; i += 4 * v)
        {
            a += Vector256.LoadUnsafe(ref start, (nuint)(i));
            b += Vector256.LoadUnsafe(ref start, (nuint)(i + v));
            c += Vector256.LoadUnsafe(ref start, (nuint)(i + 2 * v));
            d += Vector256.LoadUnsafe(ref start, (nuint)(i + 3 * v));
        }
        return Vector256.Sum(a + b + c + d);
    }

    /// <summary>Scalar multiply-adds per second at <paramref name="lanes"/> values per instruction: eight independent register accumulators.</summary>
    private static double PeakMultiplyAdds<T>(int lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int iterations = 200_000;
        T sink = T.Zero;
        double seconds = Fastest(1, () =>
        {
            if (lanes > 1 && Vector512.IsHardwareAccelerated && lanes == Vector512<T>.Count) sink += Fma512<T>(iterations);
            else if (lanes > 1) sink += Fma256<T>(iterations);
        });
        GC.KeepAlive(sink);
        return lanes == 1 ? double.NaN : 8.0 * lanes * iterations / seconds;
    }

    private static T Fma512<T>(int iterations) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double)) return T.Zero;
        var m = Vector512.Create(T.CreateTruncating(0.999999));
        var x = Vector512.Create(T.CreateTruncating(1e-7));
        Vector512<T> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Fused(a0, m, x); a1 = Fused(a1, m, x); a2 = Fused(a2, m, x); a3 = Fused(a3, m, x);
            a4 = Fused(a4, m, x); a5 = Fused(a5, m, x); a6 = Fused(a6, m, x); a7 = Fused(a7, m, x);
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);

        static Vector512<T> Fused(Vector512<T> a, Vector512<T> b, Vector512<T> c) => typeof(T) == typeof(float)
            ? Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
            : Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    private static T Fma256<T>(int iterations) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double)) return T.Zero;
        var m = Vector256.Create(T.CreateTruncating(0.999999));
        var x = Vector256.Create(T.CreateTruncating(1e-7));
        Vector256<T> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Fused(a0, m, x); a1 = Fused(a1, m, x); a2 = Fused(a2, m, x); a3 = Fused(a3, m, x);
            a4 = Fused(a4, m, x); a5 = Fused(a5, m, x); a6 = Fused(a6, m, x); a7 = Fused(a7, m, x);
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);

        static Vector256<T> Fused(Vector256<T> a, Vector256<T> b, Vector256<T> c) => typeof(T) == typeof(float)
            ? Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
            : Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <summary>The size of the first core's level-<paramref name="level"/> cache as Linux reports it, or "unknown".</summary>
    private static string Cache(int level)
    {
        try
        {
            foreach (var index in Directory.GetDirectories("/sys/devices/system/cpu/cpu0/cache", "index*"))
                if (File.ReadAllText(Path.Combine(index, "level")).Trim() == level.ToString(CultureInfo.InvariantCulture))
                    return File.ReadAllText(Path.Combine(index, "size")).Trim().Replace("K", " KiB", StringComparison.Ordinal);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return "unknown";
    }

    private static string CpuName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
