using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Led.Systems.CylinderFlow;

namespace Led.Benchmarks;

/// <summary>
/// <c>cylinder-validation</c>: the cylinder-flow solver against the literature. Cases (select with
/// <c>--cases=re100,schafer,re1000,ledlike</c>; each is its own subsection, kept when other cases are rerun):
/// <c>re100</c> — Re 100 in the 20D × 10D box (blockage 0.1) on several grids (<c>--grids=256,512</c>, Nx) with
/// first-order Richardson extrapolation; <c>schafer</c> — the confined Schäfer–Turek 2D-2 benchmark
/// (<c>--st-grid=1024</c>, Nx with Ny = Nx/8); <c>re1000</c> — Re 1000 in the 20D × 10D box (<c>--re1000-grid=512</c>);
/// <c>ledlike</c> — Re 100 and 1000 in the LED-like 10D × 5D box (256 × 128) with free-slip and pressure-Dirichlet
/// lateral boundaries (the unit-free check St(1000)/St(100) against the paper's 2.86/2.22).
/// <c>--end=T</c> and <c>--transient=T</c> override every selected case's horizon.
/// </summary>
public sealed class CylinderValidationBenchmark : IBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] AllCases = ["re100", "schafer", "re1000", "ledlike"];

    public string Name => "cylinder-validation";

    public string Run(IReadOnlyList<string> args)
    {
        var cases = (BenchmarkArguments.Option(args, "cases") ?? string.Join(",", AllCases)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string c in cases)
            if (!AllCases.Contains(c)) throw new ArgumentException($"unknown case '{c}'; cases: {string.Join(", ", AllCases)}");
        double? end = BenchmarkArguments.Option(args, "end") is { } e ? double.Parse(e, C) : null;
        double? transient = BenchmarkArguments.Option(args, "transient") is { } t ? double.Parse(t, C) : null;
        var sections = ExistingSubsections();
        string argsLine = string.Join(' ', args.Where(a => a != "--write"));
        foreach (string name in cases)
        {
            Console.Error.WriteLine($"case {name}");
            string body = name switch
            {
                "re100" => Re100(Ints(BenchmarkArguments.Option(args, "grids") ?? "256,512"), end ?? 160, transient ?? 60),
                "schafer" => Schafer(int.Parse(BenchmarkArguments.Option(args, "st-grid") ?? "1024", C), end ?? 80, transient ?? 40),
                "re1000" => Re1000(int.Parse(BenchmarkArguments.Option(args, "re1000-grid") ?? "512", C), end ?? 100, transient ?? 40),
                _ => LedLike(end ?? 150, transient ?? 60),
            };
            sections[name] = $"### {Titles[name]}\n\nRun: `{name}` with `{argsLine}`, {DateTime.UtcNow:yyyy-MM-dd}.\n\n{body.TrimEnd()}\n";
        }
        var text = new StringBuilder();
        text.AppendLine("Nondimensional: D = 1, U = 1 (mean inflow), ν = 1/Re, times in D/U. C_d, C_l from the momentum removed by the");
        text.AppendLine("penalization each step; St = f·D/U from upward zero crossings of C_l and from the FFT peak of the wake probe");
        text.AppendLine("v(x_c + 2D, y_c); means and amplitudes over the whole periods after the transient. Literature targets (issue 7):");
        text.AppendLine("unconfined Re 100 St 0.164–0.167, C_d 1.32–1.38, C_l amplitude 0.30–0.34; Schäfer–Turek 2D-2 St 0.295–0.305,");
        text.AppendLine("C_d,max 3.22–3.24, C_l,max 0.99–1.01; Re 1000 (2-D) St 0.21–0.25. Summary and discussion: docs/cylinder-validation.md.");
        text.AppendLine();
        foreach (string name in AllCases)
            if (sections.TryGetValue(name, out string? section)) text.AppendLine(section);
        return text.ToString();
    }

    private static readonly Dictionary<string, string> Titles = new()
    {
        ["re100"] = "Re 100, 20D × 10D (blockage 0.1), grid convergence",
        ["schafer"] = "Schäfer–Turek 2D-2 (confined channel, Re 100 on the mean velocity)",
        ["re1000"] = "Re 1000, 20D × 10D",
        ["ledlike"] = "LED-like 10D × 5D box (blockage 0.2): lateral boundaries and St(1000)/St(100)",
    };

    private const string Header =
        "| case | grid | D/h | Δt | T (transient) | periods | St (C_l crossings) | St (probe FFT) | mean C_d | C_d ampl. | C_d max | C_l ampl. | C_l max | max abs div u | ms/step | wall |";

    private const string Rule = "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static string Row(string label, CylinderRunResult r, double end)
    {
        var o = r.Options;
        var (cd, cl) = (r.DragStatistics, r.LiftStatistics);
        return string.Create(C,
            $"| {label} | {o.Nx} × {o.Ny} | {1 / o.CellSize:F1} | {o.ToSetup().TimeStep:F5} | {end:F0} ({r.Transient:F0}) | {r.Periods} | " +
            $"{r.StrouhalLift:F4} | {r.StrouhalProbe:F4} | {cd.Mean:F4} | {cd.Amplitude:F4} | {cd.Max:F4} | {cl.Amplitude:F4} | {cl.Max:F4} | " +
            $"{r.MaxDivergence:E1} | {r.MillisecondsPerStep:F2} | {r.WallSeconds:F0} s |");
    }

    private static void Log(string label, CylinderRunResult r) =>
        Console.Error.WriteLine(string.Create(C,
            $"{label}: St {r.StrouhalLift:F4} / {r.StrouhalProbe:F4}, C_d {r.DragStatistics.Mean:F4} (max {r.DragStatistics.Max:F4}), C_l ampl {r.LiftStatistics.Amplitude:F4}, {r.Periods} periods, {r.MillisecondsPerStep:F2} ms/step"));

    private static string Re100(int[] grids, double end, double transient)
    {
        var text = new StringBuilder();
        text.AppendLine(Header);
        text.AppendLine(Rule);
        var results = new List<CylinderRunResult>();
        foreach (int nx in grids)
        {
            var options = new CylinderFlowOptions { Reynolds = 100, Geometry = CylinderGeometry.Validation, Nx = nx, Ny = nx / 2 };
            var r = CylinderRunner.Run(options, end, transient);
            Log($"Re 100 {nx}", r);
            results.Add(r);
            text.AppendLine(Row("Re 100, free slip", r, end));
        }
        text.AppendLine();
        if (results.Count >= 2)
        {
            text.AppendLine("First-order Richardson extrapolation X_∞ = 2·X(h/2) − X(h) of consecutive grids (errors of the mollified");
            text.AppendLine("penalization are O(h)); blockage D/H = 0.1 is included in these numbers (confined, free-slip walls at ±5D):");
            text.AppendLine();
            text.AppendLine("| grids | St (C_l) | mean C_d | C_l ampl. |");
            text.AppendLine("|---|---:|---:|---:|");
            for (int k = 1; k < results.Count; k++)
            {
                var (a, b) = (results[k - 1], results[k]);
                text.AppendLine(string.Create(C,
                    $"| {a.Options.Nx} → {b.Options.Nx} | {2 * b.StrouhalLift - a.StrouhalLift:F4} | {2 * b.DragStatistics.Mean - a.DragStatistics.Mean:F4} | {2 * b.LiftStatistics.Amplitude - a.LiftStatistics.Amplitude:F4} |"));
            }
            text.AppendLine();
        }
        var fine = results[^1];
        double gap = Math.Abs(fine.StrouhalLift - fine.StrouhalProbe) / fine.StrouhalLift;
        text.AppendLine(string.Create(C,
            $"Finest grid: St {fine.StrouhalLift:F4} ({(fine.StrouhalLift is >= 0.160 and <= 0.180 ? "inside" : "OUTSIDE")} the acceptance band [0.160, 0.180]); C_l crossings and probe FFT differ by {100 * gap:F2} %."));
        return text.ToString();
    }

    private static string Schafer(int nx, double end, double transient)
    {
        var options = new CylinderFlowOptions { Reynolds = 100, Geometry = CylinderGeometry.SchaferTurek, Nx = nx, Ny = nx / 8 };
        var r = CylinderRunner.Run(options, end, transient);
        Log("Schäfer–Turek", r);
        var text = new StringBuilder();
        text.AppendLine(Header);
        text.AppendLine(Rule);
        text.AppendLine(Row("2D-2, no slip, parabolic", r, end));
        text.AppendLine();
        text.AppendLine(string.Create(C,
            $"Channel length {options.DomainLength:F1}D (≥ 22D; power-of-two grid). Reference (Schäfer & Turek 1996): St 0.295–0.305, C_d,max 3.22–3.24, C_l,max 0.99–1.01. " +
            $"Measured St {r.StrouhalLift:F4} ({100 * (r.StrouhalLift / 0.300 - 1):+0.0;-0.0} % vs 0.300), C_d,max {r.DragStatistics.Max:F3} ({100 * (r.DragStatistics.Max / 3.23 - 1):+0.0;-0.0} % vs 3.23), C_l,max {r.LiftStatistics.Max:F3}."));
        return text.ToString();
    }

    private static string Re1000(int nx, double end, double transient)
    {
        var options = new CylinderFlowOptions { Reynolds = 1000, Geometry = CylinderGeometry.Validation, Nx = nx, Ny = nx / 2 };
        var r = CylinderRunner.Run(options, end, transient);
        Log("Re 1000", r);
        var text = new StringBuilder();
        text.AppendLine(Header);
        text.AppendLine(Rule);
        text.AppendLine(Row("Re 1000, free slip", r, end));
        text.AppendLine();
        text.AppendLine(string.Create(C,
            $"St {r.StrouhalLift:F4} (acceptance [0.20, 0.26]; 2-D literature 0.21–0.25); mean C_d {r.DragStatistics.Mean:F3} (2-D literature ≈ 1.4–1.6, blockage 0.1 not removed)."));
        return text.ToString();
    }

    private static string LedLike(double end, double transient)
    {
        var text = new StringBuilder();
        text.AppendLine(Header);
        text.AppendLine(Rule);
        var st = new Dictionary<(LateralBoundary, int), double>();
        foreach (var lateral in new[] { LateralBoundary.FreeSlip, LateralBoundary.PressureDirichlet })
        {
            foreach (int re in new[] { 100, 1000 })
            {
                var options = new CylinderFlowOptions { Reynolds = re, Geometry = CylinderGeometry.LedLike, Nx = 256, Ny = 128, LateralBoundary = lateral };
                var r = CylinderRunner.Run(options, re == 100 ? end : Math.Min(end, 100), re == 100 ? transient : Math.Min(transient, 40));
                Log($"LED-like Re {re} {lateral}", r);
                st[(lateral, re)] = r.StrouhalLift;
                text.AppendLine(Row($"Re {re}, {lateral}", r, re == 100 ? end : Math.Min(end, 100)));
            }
        }
        text.AppendLine();
        text.AppendLine("St(1000)/St(100) (the paper's periods 2.86 and 2.22 give 1.29; its D/U time unit is uncertain, the ratio is not):");
        text.AppendLine();
        foreach (var lateral in new[] { LateralBoundary.FreeSlip, LateralBoundary.PressureDirichlet })
            text.AppendLine(string.Create(C, $"- {lateral}: {st[(lateral, 1000)] / st[(lateral, 100)]:F3} (St {st[(lateral, 100)]:F4} → {st[(lateral, 1000)]:F4}); period at Re 100 {1 / st[(lateral, 100)]:F2} D/U"));
        return text.ToString();
    }

    /// <summary>The "### title" subsections of this benchmark's current section in docs/benchmarks.md, by case name.</summary>
    private static Dictionary<string, string> ExistingSubsections()
    {
        var result = new Dictionary<string, string>();
        string path;
        try
        {
            path = BenchmarkDocument.FindDocument();
        }
        catch (InvalidOperationException)
        {
            return result;
        }
        if (!File.Exists(path)) return result;
        string text = File.ReadAllText(path);
        int start = text.IndexOf("## cylinder-validation\n", StringComparison.Ordinal);
        if (start < 0) return result;
        int end = text.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        string section = end < 0 ? text[start..] : text[start..end];
        foreach (var (name, title) in Titles)
        {
            var match = Regex.Match(section, $"### {Regex.Escape(title)}\n(.*?)(?=\n### |\\z)", RegexOptions.Singleline);
            if (match.Success) result[name] = match.Value.TrimEnd() + "\n";
        }
        return result;
    }

    private static int[] Ints(string list) => list.Split(',').Select(s => int.Parse(s, C)).ToArray();
}
