using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Led.Core.Reports;

namespace Led.Benchmarks;

/// <summary>
/// `fhn-comparison --paper DIR --own DIR`: the FHN results of two forecast run folders (made with
/// <c>configs/fhn/led.json</c>: 32 test ICs, H = 8000, T_μ = 10, report horizon 451) — the paper's trained model imported
/// with <c>led import-torch</c>, and our own end-to-end training — against the paper's numbers and the coarse-scale
/// PDE (CSPDE) baselines of Lee et al. 2020; writes the table and <c>docs/figures/fhn_lee_comparison.png</c>.
/// </summary>
public sealed class FhnComparisonBenchmark : IBenchmark
{
    /// <summary>Lee et al. 2020 CSPDE variants (GP/NN on diffusion-map features F1–F3), MNAD(v) to T_f = 451: lowest and highest.</summary>
    private const double CspdeBest = 1.56e-2, CspdeWorst = 2.20e-2;

    public string Name => "fhn-comparison";

    public string Run(IReadOnlyList<string> args)
    {
        string Folder(string option) =>
            args.SkipWhile(a => a != option).Skip(1).FirstOrDefault() is { } dir && File.Exists(Path.Combine(dir, "metrics.json"))
                ? dir
                : throw new ArgumentException($"{option} DIR: a forecast run folder with metrics.json (see the class summary) is required");
        var paper = Metrics(Folder("--paper"));
        var own = Metrics(Folder("--own"));
        string F(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

        var body = new StringBuilder();
        body.AppendLine($"Run folders: `--own` from `led run configs/fhn/led.json --out DIR` (the paper-sized run: wall time {own["wall_seconds"]:F0} s, " +
                        $"of which training {own["training_seconds"]:F0} s, on this machine); `--paper` from `led import-torch` of the paper's " +
                        "weights and `led forecast` on the same data (commands in `docs/results.md`).");
        body.AppendLine();
        body.AppendLine("Both models forecast the same 32 test initial conditions of our LB solver (20 warm-up steps, H = 8000, T_μ = 10); " +
                        "MNAD per channel as in the spec §4 (FHN convention).");
        body.AppendLine();
        body.AppendLine("| | paper (Fig. 2) | paper's trained model, our solver and code | our end-to-end training |");
        body.AppendLine("|---|---:|---:|---:|");
        body.AppendLine($"| Latent-LED MNAD(v), H = 8000 | 0.019 | {F(paper["mnad_inhibitor"])} | {F(own["mnad_inhibitor"])} |");
        body.AppendLine($"| Latent-LED MNAD(u), H = 8000 | – | {F(paper["mnad_activator"])} | {F(own["mnad_activator"])} |");
        foreach (int tm in new[] { 10, 50, 100, 200, 1000 })
        {
            string key = $"multiscale_mu10_m{tm}_mnad_inhibitor";
            if (!paper.ContainsKey(key) || !own.ContainsKey(key)) continue;
            body.AppendLine($"| Multiscale-LED MNAD(v), T_m = {tm} (ρ = {tm / 10}) | {(tm == 10 ? "≈ 0.003" : "between")} | {F(paper[key])} | {F(own[key])} |");
        }
        body.AppendLine($"| MNAD(v), IC 0, T_f = 451 | order of magnitude below CSPDE | {F(paper["mnad_inhibitor_ic0_h451"])} | {F(own["mnad_inhibitor_ic0_h451"])} |");
        body.AppendLine($"| MNAD(v), mean of 32 ICs, T_f = 451 | – | {F(paper["mnad_inhibitor_h451"])} | {F(own["mnad_inhibitor_h451"])} |");
        body.AppendLine($"| autoencoder reconstruction MSE (test, physical units) | ≈ 6.5e-6 | {F(paper["reconstruction_mse"])} | {F(own["reconstruction_mse"])} |");
        body.AppendLine();
        body.AppendLine($"Lee et al. 2020 coarse-scale PDEs (GP or NN, features F1–F3), MNAD(v) to T_f = 451: {F(CspdeBest)} – {F(CspdeWorst)}.");
        body.AppendLine();

        string figures = Path.Combine(Path.GetDirectoryName(BenchmarkDocument.FindDocument())!, "figures");
        Directory.CreateDirectory(figures);
        Plots.Bars(Path.Combine(figures, "fhn_lee_comparison"), "FHN, IC 0 of the test data, T_f = 451 (CSPDE: Lee et al. 2020)", "MNAD(v)",
        [
            ("LED (paper's weights)", paper["mnad_inhibitor_ic0_h451"]),
            ("LED (our training)", own["mnad_inhibitor_ic0_h451"]),
            ("CSPDE best", CspdeBest),
            ("CSPDE worst", CspdeWorst),
        ], logY: true);
        body.AppendLine("![FHN comparison with the CSPDE baselines](figures/fhn_lee_comparison.png)");
        return body.ToString();
    }

    private static Dictionary<string, double> Metrics(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!.AsObject()
            .Where(kv => kv.Value is JsonValue v && v.TryGetValue<double>(out _))
            .ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>());
}
