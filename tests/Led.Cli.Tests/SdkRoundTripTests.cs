using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Led.Testing;

namespace Led.Cli.Tests;

/// <summary>A third-party plugin author's round trip against the packed SDK only (scripts/sdk-roundtrip.sh).</summary>
public sealed class SdkRoundTripTests
{
    [Fact]
    public async Task TemplatesBuiltAgainstThePackagesAloneInstallValidateAndRun()
    {
        string work = Path.Combine(Path.GetTempPath(), $"led-sdk-roundtrip-{Environment.ProcessId}");
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "sdk-roundtrip.sh"), work])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LED"] = $"dotnet {Path.Combine(LedProcess.HostDirectory, "led.dll")}";
        start.Environment["TERM"] = "dumb";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
            Assert.True(process.HasExited && process.ExitCode == 0, $"the round trip failed:\n{await stdout}\n{await stderr}");

            var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "run", "metrics.json")))!;
            Assert.True(double.IsFinite(metrics["mnad"]!.GetValue<double>()));
            var provenance = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "run", "run.json")))!;
            Assert.Contains(provenance["plugins"]!.AsArray(), p => p!["name"]?.GetValue<string>() is "Lorenz96" or "ResidualMap");
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void TemplatesDefaultToTheSdkVersionAndThePackageVersionsOfTheRepository()
    {
        string root = RepositoryPaths.Root;
        string sdkVersion = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("LedSdkVersion").Single().Value;
        var versions = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value);
        var templates = Directory.GetDirectories(Path.Combine(root, "sdk", "Led.Templates", "content"));
        Assert.Equal(["led-autoencoder", "led-metric", "led-propagator", "led-system"], templates.Select(Path.GetFileName).Order());
        foreach (var template in templates)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(template, ".template.config", "template.json")))!;
            Assert.Equal(sdkVersion, json["symbols"]!["sdkVersion"]!["defaultValue"]!.GetValue<string>());
            foreach (var project in Directory.GetFiles(template, "*.csproj", SearchOption.AllDirectories))
                foreach (var reference in XDocument.Load(project).Descendants("PackageReference"))
                {
                    string id = reference.Attribute("Include")!.Value, version = reference.Attribute("Version")!.Value;
                    Assert.Equal(id.StartsWith("Led.", StringComparison.Ordinal) ? "LED_SDK_VERSION" : versions[id], version);
                }
        }
    }
}
