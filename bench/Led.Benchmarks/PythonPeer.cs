using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Led.Benchmarks;

/// <summary>
/// Runs a peer script from <c>bench/</c> with <c>/usr/bin/python3</c> in the same run as the C# measurement and reads the
/// one JSON object it prints. Exit code 3 means the script's library (PyTorch) is missing: the benchmark then reports
/// its own rows with a note instead of failing.
/// </summary>
internal static class PythonPeer
{
    public const string MissingTorchNote =
        "PyTorch rows skipped: PyTorch is missing for /usr/bin/python3; install it with scripts/install-pytorch.sh.";

    /// <summary>The script's JSON output, or null when it reports its library missing (exit code 3).</summary>
    /// <exception cref="InvalidOperationException">The script failed otherwise.</exception>
    public static JsonNode? Run(string script, params string[] args)
    {
        string path = Path.Combine(Path.GetDirectoryName(BenchmarkDocument.FindDocument())!, "..", "bench", script);
        var start = new ProcessStartInfo("/usr/bin/python3", [path, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 3) return null;
        if (process.ExitCode != 0) throw new InvalidOperationException($"bench/{script} failed: {error.Result.Trim()}");
        return JsonNode.Parse(output);
    }

    /// <summary>"PyTorch version (BLAS …)" from a torch peer's output: its matmul speed depends on the BLAS it was built with.</summary>
    public static string DescribeTorch(JsonNode peer) =>
        $"PyTorch {peer["torch"]} (BLAS_INFO {peer["blas"]}, libblas {peer["libblas"]?.ToString() ?? "not found"}, oneDNN {((bool?)peer["mkldnn"] == true ? "on" : "off")})";
}
