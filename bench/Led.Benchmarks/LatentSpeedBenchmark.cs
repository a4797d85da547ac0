using System.Diagnostics;
using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Autoencoders.Convolutional;
using Led.Autoencoders.Convolutional2D;
using Led.Autoencoders.Mlp;
using Led.Autoencoders.Pca;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Forecasting;
using Led.Core.Stages;
using Led.Propagators.Lstm;
using Led.Systems.CylinderFlow;
using Led.Systems.FitzHughNagumo;
using Led.Systems.KuramotoSivashinsky;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// `latent-speed`: time per coarse step of the micro solvers against the latent path at the paper's model sizes (weights
/// are random: speed does not depend on their values): propagator only, propagator + decoder at every step and at every
/// k-th step (<c>--decode-every k</c>, default 10: forecast.decodeEvery), through TorchSharp and through the compiled path,
/// batch 1; each decoder alone, TorchSharp against compiled (also the cylinder's 2-D decoder of configs/cylinder/re100.json);
/// the TorchSharp propagator batched over 100 trajectories; and the compiled propagator over 100 trajectories on one thread
/// against two.
/// Each latent timing is the fastest of three (the machine is shared).
/// </summary>
public sealed class LatentSpeedBenchmark : IBenchmark
{
    public string Name => "latent-speed";

    public string Run(IReadOnlyList<string> args)
    {
        int every = args.SkipWhile(a => a != "--decode-every").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10);
        LstmPropagator? ksBatched = null, fhnBatched = null;
        var compiled = new List<(string Model, LstmPropagator Lstm, int Dz)>();
        var body = new StringBuilder();
        var decoders = new StringBuilder();
        var ours = new Dictionary<(string Model, Precision Precision), (LatentTiming Tensor, LatentTiming Compiled)>();
        var batchedOurs = new Dictionary<string, double>();
        body.AppendLine($"| system (micro step) | micro solver µs / coarse step | model | path | propagator µs / step | + decoder every step µs / step | + decoder every {every}-th step µs / step | speed-up (propagator) | speed-up (decoder every step) | speed-up (decoder every {every}-th step) |");
        body.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|");

        var ksFine = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 2.5e-4 });
        var ksCoarse = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 2.5e-3 });
        var fhn = new FitzHughNagumo(new FitzHughNagumoOptions());
        // configs/cylinder/re100.json: the 64 × 128 grid and its autoencoder (d_z 4).
        var cylinder = new CylinderFlow(new CylinderFlowOptions { Reynolds = 100, Nx = 128, Ny = 64 });
        var cylinderOptions = new ConvAutoencoder2DOptions { LatentDim = 4, Channels = [8, 16, 16, 16, 8], Kernel = 3, BatchNorm = true, Transpose = true };
        double ksFineMicro = Micro(ksFine), ksCoarseMicro = Micro(ksCoarse), fhnMicro = Micro(fhn);

        foreach (var precision in new[] { Precision.Float64, Precision.Float32 })
        {
            var device = DeviceContext.Create("cpu", precision, 1, 7);
            var ksLstm = new LstmPropagator(new LstmOptions { Hidden = 256 }, new LatentSpace(8), device);
            var ksCnn = new ConvAutoencoder1D(new ConvAutoencoder1DOptions { LatentDim = 8 }, ksFine.Description, device);
            var ksPca = new PcaAutoencoder(new PcaOptions { LatentDim = 8 }, ksFine.Description, device);
            ksPca.Fit(new FitData([rand(200, 1, 64, dtype: device.DType)], []));
            var fhnLstm = new LstmPropagator(new LstmOptions { Hidden = 32 }, new LatentSpace(2), device);
            var fhnMlp = new MlpAutoencoder(new MlpAutoencoderOptions { LatentDim = 2 }, fhn.Description, device);
            if (precision == Precision.Float64) (ksBatched, fhnBatched) = (ksLstm, fhnLstm);
            compiled.Add(($"LSTM 256, d_z 8, {precision}", ksLstm, 8));
            compiled.Add(($"LSTM 32, d_z 2, {precision}", fhnLstm, 2));

            foreach (var (label, micro, model, ae, lstm) in new (string, double, string, IAutoencoder, LstmPropagator)[]
                     {
                         ("KS (δt 2.5e-4, reference)", ksFineMicro, "LSTM 256 + CNN d_z 8", ksCnn, ksLstm),
                         ("KS (δt 2.5e-4, reference)", ksFineMicro, "LSTM 256 + PCA d_z 8", ksPca, ksLstm),
                         ("KS (δt 2.5e-3, paper)", ksCoarseMicro, "LSTM 256 + PCA d_z 8", ksPca, ksLstm),
                         ("FHN (δt 0.005)", fhnMicro, "LSTM 32 + MLP 3×100 d_z 2", fhnMlp, fhnLstm),
                     })
            {
                int dz = ae.LatentDim;
                using var start = full(1, dz, 0.5, dtype: device.DType);
                var tensorPath = Fastest(() => SpeedMeasurement.Latent(ae, lstm, null, start, steps: 400, decodeEvery: every));
                var fast = Fastest(() => SpeedMeasurement.FastLatent(ae, lstm, null, Enumerable.Repeat(0.5, dz).ToArray(), steps: 20000, dtype: device.DType, decodeEvery: every)!);
                if (!model.Contains("PCA", StringComparison.Ordinal)) ours[(model, precision)] = (tensorPath, fast);
                body.AppendLine(Row(label, micro, $"{model}, {precision}", "TorchSharp", tensorPath));
                body.AppendLine(Row(label, micro, $"{model}, {precision}", ae is IFastDecoderSource ? "compiled" : "compiled LSTM, TorchSharp decoder", fast));
                if (label.Contains("paper", StringComparison.Ordinal)) continue;   // the same decoder as the row above
                var (tensorDecoder, compiledDecoder) = DecoderAlone(ae, device.DType);
                decoders.AppendLine(DecoderRow(model.Split(" + ")[1], precision, tensorDecoder, compiledDecoder));
            }
            using var cylinderCnn = new ConvAutoencoder2D(cylinderOptions, cylinder.Description, device);
            cylinderCnn.Module.eval();
            var (tensorCylinder, compiledCylinder) = DecoderAlone(cylinderCnn, device.DType);
            decoders.AppendLine(DecoderRow("2-D CNN d_z 4 → 4 × 64 × 128 (cylinder, re100)", precision, tensorCylinder, compiledCylinder));
        }

        body.AppendLine();
        body.AppendLine("Decoder alone, batch 1, one thread (fastest of three; compiled = IFastDecoderSource on plain arrays):");
        body.AppendLine();
        body.AppendLine("| decoder | TorchSharp µs / state | compiled µs / state | TorchSharp / compiled |");
        body.AppendLine("|---|---:|---:|---:|");
        body.Append(decoders);
        body.AppendLine();
        body.AppendLine("Batched over 100 trajectories (TorchSharp, per trajectory and step):");
        body.AppendLine();
        body.AppendLine("| model | propagator µs / trajectory-step | speed-up vs KS solver δt 2.5e-4 | vs FHN solver |");
        body.AppendLine("|---|---:|---:|---:|");
        foreach (var (model, lstm, dz) in new[] { ("LSTM 256, d_z 8", ksBatched!, 8), ("LSTM 32, d_z 2", fhnBatched!, 2) })
        {
            double batched = Batched(lstm, dz, 100) / 100;
            batchedOurs[model] = batched;
            body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {batched * 1e6:F2} | {SpeedStage.Format(ksFineMicro / batched)} | {SpeedStage.Format(fhnMicro / batched)} |"));
        }
        body.AppendLine();
        body.AppendLine("Compiled propagator over 100 trajectories of 1000 steps, one compiled step per thread, each thread running its share of the trajectories one after another (as the multiscale stage forecasts its initial conditions with `threads` > 1); per trajectory and step, fastest of three:");
        body.AppendLine();
        body.AppendLine("| model | 1 thread µs / trajectory-step | 2 threads µs / trajectory-step | 1 thread / 2 threads |");
        body.AppendLine("|---|---:|---:|---:|");
        foreach (var (model, lstm, dz) in compiled)
        {
            var starts = Enumerable.Range(0, 100).Select(i => Enumerable.Range(0, dz).Select(d => 0.3 + 0.004 * i + 0.01 * d).ToArray()).ToList();
            double Threads(int threads) => Enumerable.Range(0, 3).Min(_ => SpeedMeasurement.FastTrajectories(lstm, starts, 1000, threads)!.Value);
            double one = Threads(1), two = Threads(2);
            body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {one * 1e6:F2} | {two * 1e6:F2} | {one / two:F2}× |"));
        }
        body.AppendLine();
        body.AppendLine($"Micro solver: median of repeated coarse steps from a state on the attractor. Latent path: batch 1, one torch thread, fastest of three; " +
                        $"'decoder every {every}-th step' decodes the state at steps {every}, {2 * every}, … only (forecast.decodeEvery {every}) and is the mean cost per step; " +
                        "'compiled' is the components' compiled path, IFastLatentStepSource and IFastDecoderSource (weights on plain arrays in the model's precision, fused SIMD dot products, vectorised activations), " +
                        "equal to the TorchSharp path to 1e-12 in float64 and to single precision in float32 (tests). " +
                        "Speed-up = micro solver time per coarse step / latent time per coarse step. " +
                        "On a shared machine every timing carries the other jobs' load: compare the rows of one run, not runs.");
        body.AppendLine();
        body.Append(TorchComparison(every, ours, batchedOurs));
        return body.ToString();
    }

    /// <summary>
    /// The same models in PyTorch (<c>bench/latent_speed_torch.py</c>, run now) beside ours: LED.NET / PyTorch per row,
    /// for our TorchSharp path and our compiled path against PyTorch eager and TorchScript.
    /// </summary>
    private static string TorchComparison(int every, Dictionary<(string Model, Precision Precision), (LatentTiming Tensor, LatentTiming Compiled)> ours,
        Dictionary<string, double> batchedOurs)
    {
        var peer = PythonPeer.Run("latent_speed_torch.py", every.ToString(CultureInfo.InvariantCulture), "200");
        if (peer is null) return PythonPeer.MissingTorchNote + "\n";
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"The same models in {PythonPeer.DescribeTorch(peer)} in the same run (`bench/latent_speed_torch.py`), batch 1, one thread, µs / step; ratio = LED.NET / PyTorch (below 1: LED.NET faster):");
        text.AppendLine();
        text.AppendLine("| model | PyTorch path | PyTorch propagator | PyTorch + decoder every step | PyTorch + decoder every " + every + "-th step | TorchSharp / PyTorch (propagator, every step, every " + every + "-th) | compiled / PyTorch (propagator, every step, every " + every + "-th) |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|");
        foreach (var row in peer["rows"]!.AsArray())
        {
            string model = PeerModel(row!["model"]!.GetValue<string>());
            var precision = Enum.Parse<Precision>(row["dtype"]!.GetValue<string>());
            double p = row["propagator"]!.GetValue<double>(), d = row["decoder_every_step"]!.GetValue<double>(), k = row["decoder_every_k"]!.GetValue<double>();
            var (tensorPath, compiled) = ours[(model, precision)];
            text.AppendLine(c, $"| {model}, {precision} | {row["path"]} | {p * 1e6:F2} | {d * 1e6:F2} | {k * 1e6:F2} | " +
                               $"{Ratios(tensorPath)} | {Ratios(compiled)} |");

            string Ratios(LatentTiming t) => string.Create(c, $"{t.Propagator / p:F2}, {t.WithDecoder / d:F2}, {t.WithDecoderEveryK / k:F2}");
        }
        text.AppendLine();
        text.AppendLine("Batched over 100 trajectories, float64, propagator only, µs per trajectory-step:");
        text.AppendLine();
        text.AppendLine("| model | LED.NET (TorchSharp) | PyTorch eager | LED.NET / PyTorch |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var row in peer["rows"]!.AsArray().Where(r => r!["batched_100"] is not null && r["dtype"]!.GetValue<string>() == "Float64"))
        {
            string lstm = PeerModel(row!["model"]!.GetValue<string>()).Split(" + ")[0];
            double theirs = row["batched_100"]!.GetValue<double>(), mine = batchedOurs.First(b => b.Key.StartsWith(lstm + ",", StringComparison.Ordinal)).Value;
            text.AppendLine(c, $"| {lstm} | {mine * 1e6:F2} | {theirs * 1e6:F2} | {mine / theirs:F2} |");
        }
        text.AppendLine();
        text.AppendLine("PyTorch: `torch.no_grad()`, `torch.set_num_threads(1)`, fastest of three runs of 200 steps (ours: 400); TorchScript = " +
                        "`torch.jit.trace` + `torch.jit.freeze` of the propagator and of the decoder. Same architectures and shapes as ours " +
                        "(bench/torch_models.py), random weights.");
        return text.ToString();
    }

    /// <summary>Our model label for the PyTorch script's one (which prefixes the system and writes 3x100).</summary>
    private static string PeerModel(string name) => name[(name.IndexOf(' ') + 1)..].Replace("3x100", "3×100", StringComparison.Ordinal);

    private static string Row(string label, double micro, string model, string path, LatentTiming t) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {micro * 1e6:F0} | {model} | {path} | {t.Propagator * 1e6:F2} | {t.WithDecoder * 1e6:F2} | {t.WithDecoderEveryK * 1e6:F2} | " +
            $"{SpeedStage.Format(micro / t.Propagator)} | {SpeedStage.Format(micro / t.WithDecoder)} | {SpeedStage.Format(micro / t.WithDecoderEveryK)} |");

    /// <summary>Each time the fastest of three measurements: on a shared machine the others only add other jobs' time.</summary>
    private static LatentTiming Fastest(Func<LatentTiming> measure)
    {
        var runs = Enumerable.Range(0, 3).Select(_ => measure()).ToList();
        return new LatentTiming(runs.Min(r => r.Propagator), runs.Min(r => r.WithDecoder), runs.Min(r => r.WithDecoderEveryK), runs[0].DecodeEvery);
    }

    private static string DecoderRow(string decoder, Precision precision, double tensor, double compiled) =>
        string.Create(CultureInfo.InvariantCulture, $"| {decoder}, {precision} | {tensor * 1e6:F2} | {compiled * 1e6:F2} | {tensor / compiled:F1}× |");

    /// <summary>Seconds per decoded state, batch 1: the tensor decoder and the compiled one (NaN when none is offered); fastest of three.</summary>
    private static (double Tensor, double Compiled) DecoderAlone(IAutoencoder autoencoder, ScalarType dtype)
    {
        int dz = autoencoder.LatentDim;
        var latent = Enumerable.Range(0, dz).Select(i => 0.1 * (i + 1)).ToArray();
        using var noGrad = no_grad();
        using var z = tensor(latent, [1, dz]).to(dtype);
        double tensorSeconds = Enumerable.Range(0, 3).Min(_ => Seconds(400, () =>
        {
            using var scope = NewDisposeScope();
            autoencoder.Decode(z);
        }));
        var compiled = (autoencoder as IFastDecoderSource)?.CompileDecoder();
        if (compiled is null) return (tensorSeconds, double.NaN);
        var state = new double[(int)autoencoder.Decode(z).numel()];
        double compiledSeconds = Enumerable.Range(0, 3).Min(_ => Seconds(20000, () => compiled.Decode(latent, state)));
        return (tensorSeconds, compiledSeconds);

        static double Seconds(int repeats, Action decode)
        {
            for (int i = 0; i < 20; i++) decode();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++) decode();
            return clock.Elapsed.TotalSeconds / repeats;
        }
    }

    private static double Micro(IDynamicalSystem system)
    {
        using var sim = system.Start(3);
        sim.Advance(system.Description.CoarseTimeStep * 20);
        var observable = new double[system.Description.Size];
        sim.Observe(observable);
        return SpeedMeasurement.MicroSolver(system, observable, minimumSeconds: 1.0, maximumSteps: 2000);
    }

    private static double Batched(LstmPropagator lstm, int dz, int batch)
    {
        using var noGrad = no_grad();
        using var state = lstm.Start(batch);
        var last = full(batch, 1, dz, 0.5, dtype: ScalarType.Float64).DetachFromDisposeScope();
        for (int i = 0; i < 20; i++) last = Next(last);
        var clock = Stopwatch.StartNew();
        const int steps = 300;
        for (int i = 0; i < steps; i++) last = Next(last);
        last.Dispose();
        return clock.Elapsed.TotalSeconds / steps;

        Tensor Next(Tensor previous)
        {
            using var scope = NewDisposeScope();
            var next = lstm.Forward(state, previous);
            previous.Dispose();
            return next.DetachFromDisposeScope();
        }
    }
}
