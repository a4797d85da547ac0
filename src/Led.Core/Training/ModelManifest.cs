using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Led.Core.Training;

/// <summary>
/// <c>manifest.json</c> of a model folder: the size and SHA-256 of each model file, written after them, so a damaged
/// or truncated file is found before it is loaded instead of forecasting silently or failing with a misleading error.
/// </summary>
public static class ModelManifest
{
    public const string FileName = "manifest.json";
    private const string Format = "led-model-manifest";

    /// <summary>Writes the manifest of <paramref name="files"/> (names inside <paramref name="directory"/>), replacing an earlier one.</summary>
    public static void Write(string directory, IEnumerable<string> files)
    {
        var entries = new JsonObject();
        foreach (var name in files)
        {
            string path = Path.Combine(directory, name);
            entries[name] = new JsonObject { ["bytes"] = new FileInfo(path).Length, ["sha256"] = Hash(path) };
        }
        var manifest = new JsonObject { ["format"] = Format, ["files"] = entries };
        string target = Path.Combine(directory, FileName), temp = target + ".tmp";
        File.WriteAllText(temp, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>
    /// Checks <paramref name="files"/> against the manifest of <paramref name="directory"/>; returns false when the folder
    /// has no manifest (a model saved before manifests were written), throws <see cref="InvalidDataException"/> when a file differs.
    /// </summary>
    public static bool Verify(string directory, IEnumerable<string> files)
    {
        string manifestPath = Path.Combine(directory, FileName);
        if (!File.Exists(manifestPath)) return false;
        JsonObject entries;
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
            if (manifest["format"]?.GetValue<string>() != Format) throw new FormatException($"no format '{Format}'");
            entries = manifest["files"]!.AsObject();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw new InvalidDataException($"{manifestPath} is damaged ({ex.Message}): train again or restore the model folder", ex);
        }
        foreach (var name in files)
        {
            string path = Path.Combine(directory, name);
            if (entries[name]?["sha256"]?.GetValue<string>() is not { } expected)
                throw new InvalidDataException($"model file {path} is not listed in {manifestPath}: the folder was changed after it was saved; train again or restore it");
            if (!File.Exists(path))
                throw new InvalidDataException($"model file {path} is missing (listed in its manifest): train again or restore it");
            string actual = Hash(path);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"model file {path} does not match its manifest (SHA-256 {actual}, manifest {expected}): " +
                                               "the file is damaged; train again or restore it");
        }
        return true;
    }

    /// <summary>The problem <see cref="Verify"/> finds in the files of <paramref name="directory"/> that its manifest lists, or null.</summary>
    public static string? Problem(string directory)
    {
        try
        {
            string manifestPath = Path.Combine(directory, FileName);
            if (!File.Exists(manifestPath)) return null;
            var names = JsonNode.Parse(File.ReadAllText(manifestPath))?["files"]?.AsObject().Select(kv => kv.Key).ToList() ?? [];
            Verify(directory, names);
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException)
        {
            return ex is InvalidDataException ? ex.Message : $"{Path.Combine(directory, FileName)} is damaged ({ex.Message}): train again or restore the model folder";
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
