using System.CommandLine;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Output;
using Panoptic.Core.Hosting;

namespace Panoptic.Cli.Commands;

/// <summary><c>panoptic config show|validate CONFIG [key.path=value …]</c>: the resolved config, strictly validated.</summary>
internal static class ConfigCommand
{
    public static Command Build()
    {
        var command = new Command("config", "Resolve, print and validate YAML configs (_base_, _delete_, key.path=value overrides).");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Validate());
        return command;
    }

    private static Command Show()
    {
        var (command, config, overrides, plugins) = Common("show", "Print the resolved config (bases merged, overrides applied, defaults filled in).");
        var provenance = new Option<bool>("--provenance") { Description = "Follow each value with the file:line:column, override or default that set it." };
        command.Options.Add(provenance);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var runtime = Load(parse.GetValue(config)!, parse.GetValue(overrides), parse.GetValue(plugins));
            var withProvenance = parse.GetValue(provenance);
            if (withProvenance)
                Console.WriteLine($"# files: {string.Join(", ", runtime.Config!.Files.Select(ConfigSource.DisplayPath))}");
            Console.Write(ConfigWriter.Write(runtime.Config!.Tree, withProvenance));
            return CliErrors.Ok;
        }));
        return command;
    }

    private static Command Validate()
    {
        var (command, config, overrides, plugins) = Common("validate", "Check a config against the schema of every section and component; exit 2 with every problem found.");
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var path = parse.GetValue(config)!;
            var runtime = Load(path, parse.GetValue(overrides), parse.GetValue(plugins));
            var components = Components(runtime.Config!.Sections.Values).ToList();
            var pending = components.Where(c => !runtime.Components.Find(Kind(runtime, c), c.Name).IsBuildable).Select(c => c.Name).Distinct().ToList();
            Console.WriteLine($"ok: {path} ({runtime.Config.Files.Count} files, {components.Count} components)");
            if (pending.Count > 0)
                Console.WriteLine($"note: options only, not buildable yet: {string.Join(", ", pending)}");
            return CliErrors.Ok;
        }));
        return command;
    }

    private static (Command, Argument<string>, Argument<string[]>, Option<string[]>) Common(string name, string description)
    {
        var command = new Command(name, description);
        var config = new Argument<string>("config") { Description = "The YAML config." };
        var overrides = new Argument<string[]>("overrides")
        {
            Description = "key.path=value overrides, applied in order (model.roi_heads.mask_head.num_conv=2, solver.steps=[6000,8000], solver.steps.1=9000).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var plugins = PluginsCommand.PluginOption();
        command.Arguments.Add(config);
        command.Arguments.Add(overrides);
        command.Options.Add(plugins);
        return (command, config, overrides, plugins);
    }

    private static PanopticRuntime Load(string config, string[]? overrides, string[]? plugins) =>
        PanopticRuntime.Load(config, overrides ?? [], new PluginSelection { CommandLine = plugins ?? [] });

    private static ComponentKind Kind(PanopticRuntime runtime, ComponentSpec spec) =>
        runtime.Components.Kinds.First(k => k.ComponentType == spec.ComponentType);

    /// <summary>Every component spec in the bound sections, depth first.</summary>
    private static IEnumerable<ComponentSpec> Components(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case ComponentSpec spec:
                    yield return spec;
                    if (spec.Options is not null)
                        foreach (var inner in Components(Properties(spec.Options)))
                            yield return inner;
                    break;
                case ConfigOptions options:
                    foreach (var inner in Components(Properties(options)))
                        yield return inner;
                    break;
                case System.Collections.IEnumerable items and not string:
                    foreach (var inner in Components(items.Cast<object?>()))
                        yield return inner;
                    break;
            }
        }
    }

    private static IEnumerable<object?> Properties(object options) =>
        options.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic).Select(p => p.GetValue(options));
}
