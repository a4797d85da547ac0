using System.Diagnostics;
using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Autoencoders.Convolutional;
using Led.Autoencoders.Mlp;
using Led.Autoencoders.Pca;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Forecasting;
using Led.Core.Stages;
using Led.Propagators.Lstm;
using Led.Systems.FitzHughNagumo;
using Led.Systems.KuramotoSivashinsky;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// `latent-speed`: time per coarse step of the micro solvers against the latent path at the paper's model sizes (weights
/// are random: speed does not depend on their values): propagator only and propagator + decoder, through TorchSharp and
/// through the compiled path, batch 1; and the TorchSharp propagator batched over 100 trajectories.
/// </summary>
public sealed class LatentSpeedBenchmark : IBenchmark
{
    public string Name => "latent-speed";

    public string Run(IReadOnlyList<string> args)
    {
        LstmPropagator? ksBatched = null, fhnBatched = null;
        var body = new StringBuilder();
        body.AppendLine("| system (micro step) | micro solver µs / coarse step | model | path | propagator µs / step | + decoder µs / step | speed-up (propagator) | speed-up (+ decoder) |");
        body.AppendLine("|---|---:|---|---|---:|---:|---:|---:|");

        var ksFine = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 2.5e-4 });
        var ksCoarse = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 2.5e-3 });
        var fhn = new FitzHughNagumo(new FitzHughNagumoOptions());
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

            foreach (var (label, micro, model, ae, lstm) in new (string, double, string, IAutoencoder, LstmPropagator)[]
                     {
                         ("KS (δt 2.5e-4, reference)", ksFineMicro, "LSTM 256 + CNN d_z 8", ksCnn, ksLstm),
                         ("KS (δt 2.5e-4, reference)", ksFineMicro, "LSTM 256 + PCA d_z 8", ksPca, ksLstm),
                         ("KS (δt 2.5e-3, paper)", ksCoarseMicro, "LSTM 256 + PCA d_z 8", ksPca, ksLstm),
                         ("FHN (δt 0.005)", fhnMicro, "LSTM 32 + MLP 3×100 d_z 2", fhnMlp, fhnLstm),
                     })
            {
                if (precision == Precision.Float32 && ae is ConvAutoencoder1D) continue;
                int dz = ae.LatentDim;
                using var start = full(1, dz, 0.5, dtype: device.DType);
                var (tensorProp, tensorDecoded) = SpeedMeasurement.Latent(ae, lstm, null, start, steps: 400);
                var fast = SpeedMeasurement.FastLatent(ae, lstm, null, Enumerable.Repeat(0.5, dz).ToArray(), steps: 20000, dtype: device.DType)!.Value;
                body.AppendLine(Row(label, micro, $"{model}, {precision}", "TorchSharp", tensorProp, tensorDecoded));
                body.AppendLine(Row(label, micro, $"{model}, {precision}", ae is IFastDecoderSource ? "compiled" : "compiled LSTM, TorchSharp decoder", fast.Propagator, fast.WithDecoder));
            }
        }

        body.AppendLine();
        body.AppendLine("Batched over 100 trajectories (TorchSharp, per trajectory and step):");
        body.AppendLine();
        body.AppendLine("| model | propagator µs / trajectory-step | speed-up vs KS solver δt 2.5e-4 | vs FHN solver |");
        body.AppendLine("|---|---:|---:|---:|");
        foreach (var (model, lstm, dz) in new[] { ("LSTM 256, d_z 8", ksBatched!, 8), ("LSTM 32, d_z 2", fhnBatched!, 2) })
        {
            double batched = Batched(lstm, dz, 100) / 100;
            body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {batched * 1e6:F2} | {SpeedStage.Format(ksFineMicro / batched)} | {SpeedStage.Format(fhnMicro / batched)} |"));
        }
        body.AppendLine();
        body.AppendLine("Micro solver: median of repeated coarse steps from a state on the attractor. Latent path: batch 1, one torch thread; " +
                        "'compiled' is the components' compiled path, IFastLatentStepSource and IFastDecoderSource (weights on plain arrays in the model's precision, fused SIMD dot products, vectorised activations), " +
                        "equal to the TorchSharp path to 1e-12 in float64 and to single precision in float32 (tests). " +
                        "Speed-up = micro solver time per coarse step / latent time per coarse step.");
        return body.ToString();
    }

    private static string Row(string label, double micro, string model, string path, double propagator, double decoded) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {micro * 1e6:F0} | {model} | {path} | {propagator * 1e6:F2} | {decoded * 1e6:F2} | {SpeedStage.Format(micro / propagator)} | {SpeedStage.Format(micro / decoded)} |");

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
