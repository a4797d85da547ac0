using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Led.Cli;

/// <summary>What reproducing a run needs besides its config: command, seed, versions, plugins, device, machine, times.</summary>
public static class Provenance
{
    public static JsonObject Create(ExperimentSession session, string device, string command)
    {
        return new JsonObject
        {
            ["command"] = command,
            ["config_file"] = session.Experiment.Source ?? "(built-in quickstart)",
            ["seed"] = session.Experiment.Config.Seed,
            ["device"] = device,
            ["versions"] = new JsonObject
            {
                ["led"] = Version(typeof(Provenance).Assembly),
                ["dotnet"] = RuntimeInformation.FrameworkDescription,
                ["torchsharp"] = Version(typeof(TorchSharp.torch).Assembly),
                ["libtorch"] = TorchSharp.torch.__version__,
            },
            ["plugins"] = new JsonArray(session.PluginsInUse.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["version"] = p.Version,
                ["path"] = p.Path,
            }).ToArray()),
            ["machine"] = new JsonObject
            {
                ["os"] = RuntimeInformation.OSDescription,
                ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
                ["cores"] = Environment.ProcessorCount,
            },
            ["started"] = DateTimeOffset.UtcNow.ToString("O"),
        };
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
