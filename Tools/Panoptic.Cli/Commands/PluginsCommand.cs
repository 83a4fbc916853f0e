using System.CommandLine;
using Panoptic.Core.Hosting;
using Panoptic.Core.Registry;

namespace Panoptic.Cli.Commands;

/// <summary><c>panoptic plugins list [--kind K]</c>: every component found, with its assembly, version and options schema.</summary>
internal static class PluginsCommand
{
    public static Command Build()
    {
        var command = new Command("plugins", "Inspect the plugins and the components they provide.");
        command.Subcommands.Add(List());
        return command;
    }

    /// <summary><c>--plugin PATH…</c>: extra plugin assemblies or folders (also read from PANOPTIC_PLUGIN_PATH and the config's plugins: list).</summary>
    public static Option<string[]> PluginOption() => new("--plugin")
    {
        Description = "Plugin assembly (.dll) or folder to load besides the built-in ones, PANOPTIC_PLUGIN_PATH and the config's plugins: list.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command List()
    {
        var command = new Command("list", "List components: kind, name, assembly, version and the options schema (keys, types, defaults, ranges).");
        var kind = new Option<string>("--kind") { Description = "Only this kind (backbone, mask_head, dataset, …)." };
        var plugins = PluginOption();
        command.Options.Add(kind);
        command.Options.Add(plugins);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var runtime = PanopticRuntime.WithoutConfig(new PluginSelection { CommandLine = parse.GetValue(plugins) ?? [] });
            var components = runtime.Components.All;
            if (parse.GetValue(kind) is { } name)
                components = runtime.Components.ComponentsOf(runtime.Components.KindNamed(name));
            Console.WriteLine("plugins:");
            foreach (var plugin in runtime.Plugins.Plugins)
                Console.WriteLine($"  {plugin.Assembly.GetName().Name} {plugin.Assembly.GetName().Version}  {plugin.Path}  ({plugin.Origin})");
            foreach (var missing in runtime.Plugins.ScannedLocations.Where(l => l.StartsWith("built-in plugins:", StringComparison.Ordinal)))
                Console.WriteLine($"  {missing}");
            Console.WriteLine();
            Console.Write(ComponentListing.Write(components));
            return CliErrors.Ok;
        }));
        return command;
    }
}
