using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Config.Tree;
using Panoptic.Core.Plugins;
using Panoptic.Core.Registry;

namespace Panoptic.Core.Hosting;

/// <summary>
/// The composition root: loads a config (<c>_base_</c>, overrides), loads the plugins it and the environment name,
/// discovers components and sections, binds the config strictly, and builds the service container (catalog,
/// one registry per kind, the resolved config and each section record).
/// </summary>
public sealed class PanopticRuntime
{
    private PanopticRuntime(PluginHost plugins, ComponentCatalog components, SectionCatalog sections, ResolvedConfig? config, IServiceProvider services)
    {
        Plugins = plugins;
        Components = components;
        Sections = sections;
        Config = config;
        Services = services;
    }

    public PluginHost Plugins { get; }

    public ComponentCatalog Components { get; }

    public SectionCatalog Sections { get; }

    /// <summary>The bound config; null for a runtime made without one (<see cref="WithoutConfig"/>).</summary>
    public ResolvedConfig? Config { get; }

    /// <summary>The container: <c>IComponentCatalog</c>, every registry, <see cref="ResolvedConfig"/>, each section record.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Loads, validates and composes <paramref name="configPath"/> with <paramref name="overrides"/>.</summary>
    /// <exception cref="ConfigException">The config is invalid (every problem, with file:line:column).</exception>
    /// <exception cref="Abstractions.Plugins.PluginException">A plugin cannot be found or loaded.</exception>
    public static PanopticRuntime Load(string configPath, IEnumerable<string>? overrides = null, PluginSelection? plugins = null)
    {
        var loaded = ConfigLoader.Load(configPath, overrides);
        var host = LoadPlugins(plugins ?? PluginSelection.Default, ConfigPlugins(loaded.Root));
        var (components, sections) = Discover(host);
        var config = ConfigBinder.Bind(loaded, sections, components);
        return Compose(host, components, sections, config);
    }

    /// <summary>Plugins and components only, for listings.</summary>
    public static PanopticRuntime WithoutConfig(PluginSelection? plugins = null)
    {
        var host = LoadPlugins(plugins ?? PluginSelection.Default, []);
        var (components, sections) = Discover(host);
        return Compose(host, components, sections, null);
    }

    private static PluginHost LoadPlugins(PluginSelection selection, IReadOnlyList<PluginSource> fromConfig)
    {
        var host = new PluginHost();
        if (selection.BuiltIn)
        {
            var root = selection.BuiltInRoot ?? PluginDiscovery.FindBuiltInRoot();
            var builtIn = PluginDiscovery.BuiltIn(root).ToList();
            if (builtIn.Count == 0)
                host.NoteMissing($"built-in plugins: no {PluginDiscovery.BuiltInFolder} with plugins above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()} (build the solution to create them)");
            host.LoadAll(builtIn);
        }
        if (selection.Environment)
            host.LoadAll(PluginDiscovery.FromEnvironment());
        host.LoadAll(fromConfig);
        host.LoadAll(selection.CommandLine.Select(path => new PluginSource(path, "--plugin")));
        return host;
    }

    /// <summary>The config's <c>plugins:</c> entries, each relative to the file (or override) that set it.</summary>
    private static IReadOnlyList<PluginSource> ConfigPlugins(ConfigMapping root)
    {
        if (root[SectionCatalog.PluginsKey] is not { } node)
            return [];
        var items = node switch
        {
            ConfigSequence sequence => sequence.Items,
            ConfigScalar { IsNull: true } => [],
            _ => throw new ConfigException(new ConfigError(node.Source, SectionCatalog.PluginsKey, $"expected list of path, got {node.Describe()}")),
        };
        var errors = items.Where(item => item is not ConfigScalar { IsNull: false })
            .Select((item, i) => new ConfigError(item.Source, KeyPath.Append(SectionCatalog.PluginsKey, i), $"expected path, got {item.Describe()}"))
            .ToList();
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return items.Cast<ConfigScalar>()
            .Select(item => new PluginSource(Path.GetFullPath(Path.Combine(item.Source.BaseDirectory, item.Text)), item.Source.ToString()))
            .ToList();
    }

    private static (ComponentCatalog, SectionCatalog) Discover(PluginHost host)
    {
        var components = new ComponentCatalog(() => host.ScannedLocations);
        foreach (var plugin in host.Plugins)
            components.AddAssembly(plugin.Assembly);
        var sections = SectionCatalog.Create(host.Plugins.Select(p => p.Assembly).Prepend(typeof(PanopticRuntime).Assembly));
        return (components, sections);
    }

    private static PanopticRuntime Compose(PluginHost host, ComponentCatalog components, SectionCatalog sections, ResolvedConfig? config)
    {
        var services = new ServiceCollection().AddComponentRegistries(components);
        services.AddSingleton(host);
        services.AddSingleton(sections);
        if (config is not null)
        {
            services.AddSingleton(config);
            foreach (var value in config.Sections.Values.OfType<ConfigOptions>())
                services.AddSingleton(value.GetType(), value);
        }
        var provider = services.BuildServiceProvider();
        components.Services = provider;
        return new PanopticRuntime(host, components, sections, config, provider);
    }

    /// <summary>The assemblies whose components and sections the runtime knows: the plugins'.</summary>
    public IEnumerable<Assembly> PluginAssemblies => Plugins.Plugins.Select(p => p.Assembly);
}
