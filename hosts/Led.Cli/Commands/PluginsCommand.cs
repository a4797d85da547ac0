using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Hosting;
using Led.Hosting.Plugins;
using Spectre.Console;

namespace Led.Cli.Commands;

/// <summary>
/// <c>led plugins [list] [--config FILE] [--json]</c>: the loaded plugins, their components and the folders that failed to
/// load; <c>led plugins install SOURCE [--to DIR] [--force]</c>: checks and installs a plugin.
/// </summary>
public static class PluginsCommand
{
    public static Command Create()
    {
        var command = new Command("plugins", "list the plugins and the components they offer; `plugins install` adds one");
        var (json, config) = ListOptions();
        command.Options.Add(json);
        command.Options.Add(config);
        command.SetAction(parse => List(parse.GetValue(json), parse.GetValue(config)));

        var (listJson, listConfig) = ListOptions();
        var list = new Command("list", "list the plugins and the components they offer (the default)") { listJson, listConfig };
        list.SetAction(parse => List(parse.GetValue(listJson), parse.GetValue(listConfig)));
        command.Subcommands.Add(list);
        command.Subcommands.Add(Install());
        return command;
    }

    private static (Option<bool> Json, Option<string?> Config) ListOptions() => (
        new Option<bool>("--json") { Description = "machine-readable output: a JSON array of components" },
        new Option<string?>("--config") { Description = "also the plugin folders named by this config's \"plugins\" list: what the config would see" });

    private static Command Install()
    {
        var source = new Argument<string>("source") { Description = "a built plugin folder (<Name>/<Name>.dll), a plugin project (.csproj or its folder) or a .nupkg" };
        var to = new Option<string?>("--to") { Description = $"the plugin folder to install into (default: the host's plugins/ folder); name it in {PluginCatalog.PathVariable} or a config's \"plugins\" list" };
        var force = new Option<bool>("--force") { Description = "replace an installed plugin of the same name" };
        var command = new Command("install", "check a plugin (it must load and offer components) and install it") { source, to, force };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            try
            {
                var plugin = PluginInstaller.Install(parse.GetValue(source)!, parse.GetValue(to) ?? PluginCatalog.HostFolder, parse.GetValue(force),
                    line => Console.Error.WriteLine(line));
                Console.Out.WriteLine($"installed {plugin.Name} {plugin.Version} into {Path.GetDirectoryName(plugin.Path)}");
                using var host = LedHost.Start(parse.GetValue(to) is { } folder ? [folder] : null);
                foreach (var problem in host.Problems.Where(p => p.Path.StartsWith(Path.GetDirectoryName(plugin.Path)!, StringComparison.Ordinal)))
                    Console.Error.WriteLine($"warning: plugin: {problem}");
                return ExitCodes.Success;
            }
            catch (PluginInstallException ex)
            {
                throw new InvalidInputException([ex.Message]);
            }
        }));
        return command;
    }

    private static int List(bool json, string? config) => CommandRunner.Guard(() =>
    {
        IReadOnlyList<string> extra;
        try
        {
            extra = config is null ? [] : PluginCatalog.ConfigFolders(config);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException([$"--config {config}: {ex.Message}"]);
        }
        using var host = LedHost.Start(extra);
        var rows = host.Registry.All.Select(c => (c.Plugin, c.Registration)).ToList();
        if (json)
        {
            var array = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["plugin"] = r.Plugin.Name,
                ["kind"] = r.Registration.Kind.ToString().ToLowerInvariant(),
                ["name"] = r.Registration.Name,
                ["version"] = r.Plugin.Version,
                ["builtIn"] = r.Plugin.BuiltIn,
                ["path"] = r.Plugin.Path,
                ["options"] = r.Registration.OptionsType.FullName,
            }).ToArray());
            Console.Out.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            var table = new Table().AddColumns("kind", "name", "plugin", "version");
            foreach (var (plugin, registration) in rows)
                table.AddRow(Markup.Escape(registration.Kind.ToString().ToLowerInvariant()), Markup.Escape(registration.Name),
                    Markup.Escape(plugin.Name + (plugin.BuiltIn ? "" : " (third-party)")), Markup.Escape(plugin.Version));
            AnsiConsole.Write(table);
            foreach (var folder in host.Catalog.Plugins.Select(p => Path.GetDirectoryName(Path.GetDirectoryName(p.Path))).Distinct())
                AnsiConsole.MarkupLineInterpolated($"[grey]plugins loaded from {folder} (more: {PluginCatalog.PathVariable} or the config's \"plugins\" list; `--json` shows paths)[/]");
        }
        foreach (var problem in host.Problems) Console.Error.WriteLine($"warning: plugin: {problem}");
        return ExitCodes.Success;
    });
}
