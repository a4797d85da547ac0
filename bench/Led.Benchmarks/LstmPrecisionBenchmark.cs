using System.Diagnostics;
using System.Globalization;
using System.Text;
using Led.Abstractions.Learning;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Propagators.Lstm;
using static TorchSharp.torch;

namespace Led.Benchmarks;

/// <summary>
/// <c>lstm-precision</c>: where the time of one batch-1 LSTM step goes in TorchSharp, float64 against float32, to explain
/// why float32 is not faster there: our propagator's Forward; libtorch's LSTM module alone; the same cell written out
/// as two matrix products and the gate activations (the arithmetic of the LSTM without libtorch's fused RNN op); one
/// matrix-vector product of the gate weights alone; and an LSTM step over 32 trajectories × 25 steps (training's shape).
/// One thread, no gradient, fastest of three.
/// </summary>
public sealed class LstmPrecisionBenchmark : IBenchmark
{
    public string Name => "lstm-precision";

    public string Run(IReadOnlyList<string> args)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| hidden | what (batch 1 unless said) | float64 µs | float32 µs | float32 / float64 |");
        text.AppendLine("|---:|---|---:|---:|---:|");
        foreach (var (hidden, dz) in new[] { (256, 8), (32, 2) })
        {
            var rows = new Dictionary<string, double[]>();
            foreach (var (precision, column) in new[] { (Precision.Float64, 0), (Precision.Float32, 1) })
            {
                var device = DeviceContext.Create("cpu", precision, 1, 7);
                var dtype = device.DType;
                using var noGrad = no_grad();
                using var propagator = new LstmPropagator(new LstmOptions { Hidden = hidden }, new LatentSpace(dz), device);
                using var lstm = nn.LSTM(dz, hidden, batchFirst: true, dtype: dtype);
                using var wIh = randn(4 * hidden, dz, dtype: dtype);
                using var wHh = randn(4 * hidden, hidden, dtype: dtype);
                using var bias = randn(4 * hidden, dtype: dtype);
                using var x = full(1, 1, dz, 0.5, dtype: dtype);
                using var h = zeros(1, 1, hidden, dtype: dtype);
                using var hRow = zeros(1, hidden, dtype: dtype);
                using var cRow = zeros(1, hidden, dtype: dtype);
                using var xRow = full(1, dz, 0.5, dtype: dtype);
                using var xBatch = full(32, 25, dz, 0.5, dtype: dtype);
                using var hBatch = zeros(1, 32, hidden, dtype: dtype);
                using var state = propagator.Start(1);
                void Add(string what, double seconds) => (rows.TryGetValue(what, out var r) ? r : rows[what] = new double[2])[column] = seconds;
                Add("LstmPropagator.Forward (LSTM + head + tanhplus)", Fastest(400, () => propagator.Forward(state, x)));
                Add("libtorch nn.LSTM alone", Fastest(400, () => lstm.forward(x, (h, h))));
                Add("the cell written out: 2 matmuls + gates", Fastest(400, () =>
                {
                    var gates = addmm(bias, xRow, wIh.t(), 1, 1).addmm_(hRow, wHh.t()).chunk(4, 1);
                    var cNext = gates[1].sigmoid() * cRow + gates[0].sigmoid() * gates[2].tanh();
                    _ = gates[3].sigmoid() * cNext.tanh();
                }));
                Add("gate weights × hidden state alone (mm)", Fastest(400, () => mm(hRow, wHh.t())));
                Add("libtorch nn.LSTM, 32 trajectories × 25 steps, per trajectory-step", Fastest(20, () => lstm.forward(xBatch, (hBatch, hBatch))) / (32 * 25));
            }
            foreach (var (what, t) in rows)
                text.AppendLine(c, $"| {hidden} | {what} | {t[0] * 1e6:F2} | {t[1] * 1e6:F2} | {t[1] / t[0]:F2} |");
        }
        text.AppendLine();
        text.AppendLine("One torch thread, no gradient, random weights, fastest of three runs (each after 20 warm-up calls). The written-out cell " +
                        "does the LSTM's arithmetic (gates = b + W_ih x + W_hh h, then i, f, g, o) in separate libtorch ops.");
        return text.ToString();
    }

    private static double Fastest(int repeats, Action step)
    {
        return Enumerable.Range(0, 3).Min(_ =>
        {
            for (int i = 0; i < 20; i++) Once();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++) Once();
            return clock.Elapsed.TotalSeconds / repeats;
        });

        void Once()
        {
            using var scope = NewDisposeScope();
            step();
        }
    }
}
