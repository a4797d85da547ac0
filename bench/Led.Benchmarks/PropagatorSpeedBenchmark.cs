using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Autoencoders.Pca;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Forecasting;
using Led.Propagators.Lstm;
using Led.Propagators.Mlp;
using Led.Propagators.ReservoirComputer;
using Led.Propagators.Sindy;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// `propagator-speed`: time per latent step (batch 1, propagator only) of every bundled propagator at the paper's FHN
/// (d_z 2) and KS (d_z 8) sizes, through the compiled path and through TorchSharp, beside the LSTM of the same width.
/// Weights are random and the fitted propagators are fitted on harmonic-oscillator latents (one period ≈ 20 steps):
/// speed does not depend on the weights, but SINDy's adaptive integrator takes as many sub-steps as its identified
/// dynamics need, so its time holds for dynamics as smooth as these.
/// </summary>
public sealed class PropagatorSpeedBenchmark : IBenchmark
{
    public string Name => "propagator-speed";

    public string Run(IReadOnlyList<string> args)
    {
        var body = new StringBuilder();
        body.AppendLine("| latent space | propagator | compiled µs / step | × LSTM | TorchSharp µs / step | × LSTM |");
        body.AppendLine("|---|---|---:|---:|---:|---:|");
        var device = DeviceContext.Create("cpu", Precision.Float64, 1, 7);
        foreach (var (space, dz, hidden) in new[] { ("FHN, d_z 2", 2, 32), ("KS, d_z 8", 8, 256) })
        {
            var system = new SystemDescription(["u"], [dz], [1.0], 1.0, false);
            var latent = new LatentSpace(dz);
            var decoder = new PcaAutoencoder(new PcaOptions { LatentDim = dz }, system, device);
            decoder.Fit(new FitData([rand(200, 1, dz, dtype: ScalarType.Float64)], []));
            var data = new FitData(Oscillations(dz), []);
            var rows = new List<(string, ILatentPropagator)>
            {
                ($"LSTM {hidden}", new LstmPropagator(new LstmOptions { Hidden = hidden }, latent, device)),
                ($"GRU {hidden}", new LstmPropagator(new LstmOptions { Hidden = hidden, Cell = RecurrentCell.Gru }, latent, device)),
                ($"LSTM 2 × {hidden}", new LstmPropagator(new LstmOptions { Hidden = hidden, Layers = 2 }, latent, device)),
                ("MLP 3 × 100", new MlpPropagator(new MlpPropagatorOptions(), latent, device)),
                ("RC 1000 (degree 10)", Fitted(new ReservoirComputerPropagator(new ReservoirComputerOptions(), latent), data)),
                ("SINDy degree 3 (RK45, rtol 1e-6)", Fitted(new SindyPropagator(new SindyOptions(), latent, system), data)),
            };
            (double Fast, double Tensor)? lstm = null;
            foreach (var (label, propagator) in rows)
            {
                var start = Enumerable.Repeat(0.5, dz).ToArray();
                using var initial = tensor(start, [1, dz]);
                // The fastest of three measurements: on a shared machine the others only add other jobs' time.
                double fast = Enumerable.Range(0, 3).Min(_ => SpeedMeasurement.FastLatent(decoder, propagator, null, start, steps: 20000)!.Propagator);
                double slow = Enumerable.Range(0, 3).Min(_ => SpeedMeasurement.Latent(decoder, propagator, null, initial, steps: 400).Propagator);
                lstm ??= (fast, slow);
                body.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {space} | {label} | {fast * 1e6:F2} | {fast / lstm.Value.Fast:F2} | {slow * 1e6:F1} | {slow / lstm.Value.Tensor:F2} |"));
                (propagator as IDisposable)?.Dispose();
            }
        }
        body.AppendLine();
        body.AppendLine("Batch 1, one torch thread, float64, fastest of three measurements; '× LSTM' = time / the LSTM's time in the same latent space and path, measured in this run. " +
                        "'compiled' is IFastLatentStepSource (plain arrays); 'TorchSharp' is ILatentPropagator.Forward on [1, 1, d_z] tensors.");
        return body.ToString();
    }

    private static ILatentPropagator Fitted(IFittable propagator, FitData data)
    {
        propagator.Fit(data);
        return (ILatentPropagator)propagator;
    }

    /// <summary>Three trajectories of 600 steps: each latent coordinate a phase-shifted sinusoid of period 20 steps, in (0.2, 0.8).</summary>
    private static List<Tensor> Oscillations(int dz) =>
        Enumerable.Range(0, 3).Select(k => tensor(Enumerable.Range(0, 600)
            .SelectMany(t => Enumerable.Range(0, dz).Select(d => 0.5 + 0.3 * Math.Sin(2 * Math.PI * t / 20.0 + k + 1.3 * d))).ToArray(), [600, dz])).ToList();
}
