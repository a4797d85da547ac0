using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Hosting;
using Led.Hosting.Plugins;
using Spectre.Console;

namespace Led.Cli.Commands;

/// <summary><c>led plugins [--json]</c>: the loaded plugins, their components, and the folders that failed to load.</summary>
public static class PluginsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "machine-readable output: a JSON array of components" };
        var command = new Command("plugins", "list the plugins and the components they offer") { json };
        command.SetAction(parse =>
        {
            using var host = LedHost.Start();
            var rows = host.Registry.All.Select(c => (c.Plugin, c.Registration)).ToList();
            if (parse.GetValue(json))
            {
                var array = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["plugin"] = r.Plugin.Name,
                    ["kind"] = r.Registration.Kind.ToString().ToLowerInvariant(),
                    ["name"] = r.Registration.Name,
                    ["version"] = r.Plugin.Version,
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
                        Markup.Escape(plugin.Name), Markup.Escape(plugin.Version));
                AnsiConsole.Write(table);
                foreach (var folder in host.Catalog.Plugins.Select(p => Path.GetDirectoryName(Path.GetDirectoryName(p.Path))).Distinct())
                    AnsiConsole.MarkupLineInterpolated($"[grey]plugins loaded from {folder} (more: {PluginCatalog.PathVariable} or the config's \"plugins\" list; `--json` shows paths)[/]");
            }
            foreach (var problem in host.Problems) Console.Error.WriteLine($"warning: plugin not loaded: {problem}");
            return ExitCodes.Success;
        });
        return command;
    }
}
