using System.Diagnostics;
using System.Text.Json.Nodes;
using Led.Testing;

namespace Led.Cli.Tests;

/// <summary>
/// <c>led sweep submit --slurm</c> against a real Slurm: a private one-node cluster on localhost (installed with apt-get
/// when missing, started from its own config and state folders, always shut down), a 4-run job array, results checked.
/// </summary>
public sealed class SlurmTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-slurm").FullName;
    private readonly string _cluster;
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "scripts", "slurm-test-cluster.sh");

    public SlurmTests() => _cluster = Path.Combine(_dir, "cluster");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Study = TinyExperiment.Study("""
        { "grid": { "encoder.options.latentDim": [4, 8] }, "repeat": 2 }
        """);

    [SlurmFact]
    public void ASweepSubmittedToSlurmRunsAsAJobArray()
    {
        var start = Shell(TimeSpan.FromMinutes(5), Script, "start", _cluster);
        try
        {
            Assert.True(start.ExitCode == 0, $"the test cluster did not start (exit {start.ExitCode}):\n{start.Out}\n{start.Error}");
            string conf = Path.Combine(_cluster, "slurm.conf");
            string config = Path.Combine(_dir, "study.json");
            File.WriteAllText(config, Study);
            string study = Path.Combine(_dir, "study");

            var submit = Led(conf, "sweep", "submit", config, "--slurm", "--time", "00:05:00");
            Assert.True(submit.ExitCode == 0, submit.Out + submit.Error);
            Assert.Contains("submitted job array", submit.Out);
            string job = File.ReadAllText(Path.Combine(study, "slurm", "job-id")).Trim();
            Assert.Matches("^[0-9]+$", job);
            Assert.Contains("#SBATCH --array=0-3", File.ReadAllText(Path.Combine(study, "slurm", "sweep.sh")));
            // Two seeds: two shared datasets, simulated by a first job the array waits for.
            Assert.Contains($"after job", submit.Out);

            JsonObject status = new();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                var poll = Led(conf, "sweep", "status", study, "--json");
                Assert.True(poll.ExitCode == 0, poll.Out + poll.Error);
                status = JsonNode.Parse(poll.Out)!.AsObject();
                var states = status["runs"]!.AsArray().Select(r => r!["state"]!.GetValue<string>()).ToList();
                // Results are published a moment before each task's process exits: wait for Slurm's COMPLETED too.
                bool slurmDone = status["runs"]!.AsArray().All(r => r!["slurm"]?.GetValue<string>().EndsWith(" COMPLETED", StringComparison.Ordinal) == true);
                if ((states.All(s => s == "completed") && slurmDone) || states.Any(s => s is "failed" or "interrupted")) break;
                Thread.Sleep(1000);
            }
            var runs = status["runs"]!.AsArray();
            Assert.True(runs.All(r => r!["state"]!.GetValue<string>() == "completed"), $"{status}\n{SlurmOutput(study)}");
            Assert.Equal(4, runs.Count);

            for (int i = 0; i < 4; i++)
            {
                string id = runs[i]!["id"]!.GetValue<string>();
                var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(study, id, "metrics.json")))!;
                Assert.True(double.IsFinite(metrics["mnad"]!.GetValue<double>()));
                // Slurm's own record of each array task (squeue keeps finished jobs for MinJobAge).
                Assert.Equal($"{job}_{i} COMPLETED", runs[i]!["slurm"]!.GetValue<string>());
                Assert.Contains($"completed run {i} ({id}", File.ReadAllText(Path.Combine(study, "slurm", $"run-{job}_{i}.out")));
            }
            var completions = File.ReadAllLines(Path.Combine(_cluster, "log", "jobcomp.txt")).Where(l => l.Contains($"ArrayJobId={job} ")).ToList();
            Assert.Equal(4, completions.Count);
            Assert.All(completions, l => Assert.Contains("JobState=COMPLETED", l));
            Assert.Equal(2, Directory.GetFiles(Path.Combine(study, "data"), "*.h5").Length);

            var again = Led(conf, "sweep", "submit", config, "--slurm");
            Assert.True(again.ExitCode == 0, again.Out + again.Error);
            Assert.Contains("nothing to submit", again.Out);
            var report = Led(conf, "report", study);
            Assert.True(report.ExitCode == 0, report.Out + report.Error);
            Assert.Equal(5, File.ReadAllLines(Path.Combine(study, "report.csv")).Length);
        }
        finally
        {
            var stop = Shell(TimeSpan.FromMinutes(1), Script, "stop", _cluster);
            Assert.True(stop.ExitCode == 0, $"stopping the test cluster failed: {stop.Out}{stop.Error}");
        }
    }

    private static string SlurmOutput(string study) =>
        string.Join("\n", Directory.Exists(Path.Combine(study, "slurm"))
            ? Directory.GetFiles(Path.Combine(study, "slurm"), "*.out").Select(f => $"--- {f}\n{File.ReadAllText(f)}")
            : []);

    /// <summary>Runs <c>led</c> as <see cref="LedProcess"/> does, talking to the test cluster.</summary>
    private (int ExitCode, string Out, string Error) Led(string slurmConf, params string[] args) =>
        Run(TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["SLURM_CONF"] = slurmConf, ["LED_PLUGIN_PATH"] = LedProcess.TestPlugins, ["TERM"] = "dumb" },
            "dotnet", [Path.Combine(LedProcess.HostDirectory, "led.dll"), .. args]);

    private (int ExitCode, string Out, string Error) Shell(TimeSpan timeout, params string[] args) =>
        Run(timeout, new Dictionary<string, string>(), "bash", args);

    private (int ExitCode, string Out, string Error) Run(TimeSpan timeout, Dictionary<string, string> environment, string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
