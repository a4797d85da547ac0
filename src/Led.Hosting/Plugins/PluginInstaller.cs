using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Led.Hosting.Plugins;

/// <summary>
/// Installs a plugin into a plugin folder (the host's <c>plugins/</c> or a user folder named by
/// <see cref="PluginCatalog.PathVariable"/> or a config): from a built plugin folder (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c>), a
/// project (a <c>.csproj</c>, or a folder holding one, built with <c>dotnet build -c Release</c> against Led.Sdk, whose
/// build lays it out in <c>bin/led-plugins/</c>) or a <c>.nupkg</c> whose <c>lib/</c> holds <c>&lt;id&gt;.dll</c>. The plugin
/// is loaded and checked in a staging folder beside the destination first, and only a plugin that loads and offers at
/// least one component is moved into place (atomically); an installed one of that name is replaced only when forced.
/// </summary>
public static class PluginInstaller
{
    /// <summary>The largest inflated size of a <c>.nupkg</c>'s plugin files together.</summary>
    public const long MaxPackageBytes = 512L << 20;

    /// <summary>Installs <paramref name="source"/> into <paramref name="destination"/>; returns the installed plugin.</summary>
    /// <param name="log">Progress lines (the build, what was checked).</param>
    /// <exception cref="PluginInstallException">The source is not a plugin, fails to build or load, or is installed already.</exception>
    public static LoadedPlugin Install(string source, string destination, bool force, Action<string> log)
    {
        destination = Path.GetFullPath(destination);
        try
        {
            return InstallInto(source, destination, force, log);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PluginInstallException($"cannot install into {destination}: {ex.Message}; choose a writable plugin folder with --to");
        }
    }

    private static LoadedPlugin InstallInto(string source, string destination, bool force, Action<string> log)
    {
        Directory.CreateDirectory(destination);
        string staging = Path.Combine(destination, $".install-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            string name = Stage(Path.GetFullPath(source), staging, log);
            var catalog = PluginCatalog.Load([staging]);
            if (catalog.Problems.Count > 0)
                throw new PluginInstallException($"{source} does not load as a plugin, nothing was installed: {catalog.Problems[0].Reason}");
            var plugin = catalog.Plugins.Single();
            if (plugin.Components.Count == 0)
                throw new PluginInstallException($"{plugin.Name} registers no component, nothing was installed: call builder.Add… in its ILedPlugin.Register");
            log($"checked {plugin.Name} {plugin.Version}: " +
                string.Join(", ", plugin.Components.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} '{c.Name}'")));

            string target = Path.Combine(destination, name);
            if (Directory.Exists(target) && !force)
                throw new PluginInstallException($"{target} exists: a plugin {name} is installed already; add --force to replace it");
            string old = Path.Combine(destination, $".old-{name}-{Environment.ProcessId}");
            if (Directory.Exists(target)) Directory.Move(target, old);
            Directory.Move(Path.Combine(staging, name), target);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            return plugin with { Path = Path.Combine(target, name + ".dll") };
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Puts the plugin's files into <c>staging/&lt;Name&gt;/</c>; returns the name.</summary>
    private static string Stage(string source, string staging, Action<string> log)
    {
        if (File.Exists(source))
            return Path.GetExtension(source).ToLowerInvariant() switch
            {
                ".csproj" => CopyFolder(Build(source, log), staging),
                ".nupkg" => Extract(source, staging),
                _ => throw new PluginInstallException($"{source} is neither a plugin folder, a .csproj nor a .nupkg"),
            };
        if (!Directory.Exists(source)) throw new PluginInstallException($"{source} does not exist");
        if (File.Exists(Path.Combine(source, Path.GetFileName(source) + ".dll"))) return CopyFolder(source, staging);
        var projects = Directory.GetFiles(source, "*.csproj");
        if (projects.Length == 1) return CopyFolder(Build(projects[0], log), staging);
        throw new PluginInstallException(projects.Length > 1
            ? $"{source} holds {projects.Length} projects: name the plugin's .csproj"
            : $"{source} is not a plugin: give a plugin folder (<Name>/<Name>.dll), a plugin project (.csproj) or a .nupkg");
    }

    /// <summary>Builds a plugin project in Release; returns the folder its Led.Sdk build laid the plugin out in.</summary>
    private static string Build(string project, Action<string> log)
    {
        string name = AssemblyName(project);
        log($"building {project}");
        var start = new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-nologo", "-v:q", "-clp:ErrorsOnly"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new PluginInstallException($"building {project} needs the .NET SDK ('dotnet' on PATH); or install the built plugin folder instead");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new PluginInstallException($"{project} does not build, nothing was installed:{Environment.NewLine}{(output.Result + errors).Trim()}");
        }
        string folder = Path.Combine(Path.GetDirectoryName(project)!, "bin", "led-plugins", name);
        if (!File.Exists(Path.Combine(folder, name + ".dll")))
            throw new PluginInstallException($"{project} built, but {folder}/{name}.dll is missing: reference the Led.Sdk package, which lays a plugin out there");
        return folder;
    }

    /// <summary>The project's AssemblyName, or its file name.</summary>
    private static string AssemblyName(string project)
    {
        try
        {
            var value = XDocument.Load(project).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
            return string.IsNullOrEmpty(value) || value.Contains("$(") ? Path.GetFileNameWithoutExtension(project) : value;
        }
        catch (System.Xml.XmlException ex)
        {
            throw new PluginInstallException($"{project} is not a readable project file: {ex.Message}");
        }
    }

    private static string CopyFolder(string folder, string staging)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(staging, name, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return name;
    }

    /// <summary>Extracts a package's <c>lib/&lt;tfm&gt;/</c> files (the highest net* framework), capping their inflated size.</summary>
    private static string Extract(string package, string staging)
    {
        using var zip = OpenZip(package);
        var nuspec = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                     ?? throw new PluginInstallException($"{package} has no .nuspec: it is not a NuGet package");
        string id;
        using (var stream = nuspec.Open())
            id = XDocument.Load(stream).Descendants().FirstOrDefault(e => e.Name.LocalName == "id")?.Value.Trim()
                 ?? throw new PluginInstallException($"{package}: its .nuspec names no id");
        var libs = zip.Entries.Where(e => e.FullName.StartsWith("lib/net", StringComparison.OrdinalIgnoreCase) && e.Name.Length > 0)
            .GroupBy(e => e.FullName.Split('/')[1]).OrderByDescending(g => g.Key, StringComparer.Ordinal).FirstOrDefault()
                   ?? throw new PluginInstallException($"{package} has no lib/net… folder: it holds no .NET plugin");
        if (!libs.Any(e => e.Name.Equals(id + ".dll", StringComparison.OrdinalIgnoreCase)))
            throw new PluginInstallException($"{package}: lib/{libs.Key}/ has no {id}.dll, the assembly a plugin named {id} must have");
        long total = 0;
        foreach (var entry in libs)
        {
            string relative = entry.FullName[$"lib/{libs.Key}/".Length..];
            string target = Path.GetFullPath(Path.Combine(staging, id, relative));
            if (!target.StartsWith(Path.Combine(staging, id) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new PluginInstallException($"{package}: entry {entry.FullName} points outside its folder; it was not installed");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var input = entry.Open();
            using var output = File.Create(target);
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                total += read;
                if (total > MaxPackageBytes)
                    throw new PluginInstallException($"{package} inflates to more than {MaxPackageBytes >> 20} MiB: refused as damaged or hostile");
                output.Write(buffer, 0, read);
            }
        }
        return id;
    }

    private static ZipArchive OpenZip(string package)
    {
        try
        {
            return ZipFile.OpenRead(package);
        }
        catch (InvalidDataException ex)
        {
            throw new PluginInstallException($"{package} is not a readable .nupkg (zip): {ex.Message}");
        }
    }
}
