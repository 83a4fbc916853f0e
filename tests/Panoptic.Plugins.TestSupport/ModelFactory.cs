using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Hosting;
using Panoptic.Core.Registry;

namespace Panoptic.Plugins.TestSupport;

/// <summary>
/// Builds components from configs with the plugin assemblies the test references directly (so tests see the concrete
/// types); the product loads the same assemblies through the plugin host.
/// </summary>
public sealed class ModelFactory
{
    public ModelFactory(params Assembly[] plugins)
    {
        Catalog = new ComponentCatalog();
        foreach (var plugin in plugins)
            Catalog.AddAssembly(plugin);
        Services = new ServiceCollection().AddComponentRegistries(Catalog).BuildServiceProvider();
        Catalog.Services = Services;
    }

    public ComponentCatalog Catalog { get; }

    public IServiceProvider Services { get; }

    /// <summary>The registry of a kind (e.g. <c>BackboneRegistry</c>).</summary>
    public T Registry<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Loads and validates <paramref name="configPath"/> with <paramref name="overrides"/>.</summary>
    public ResolvedConfig Config(string configPath, params string[] overrides) =>
        ConfigBinder.Bind(ConfigLoader.Load(configPath, overrides), SectionCatalog.Create([typeof(PanopticRuntime).Assembly]), Catalog);

    /// <summary>The config's model.</summary>
    public IMetaArchitecture Model(string configPath, params string[] overrides)
    {
        var spec = Config(configPath, overrides).Model ?? throw new InvalidOperationException($"{configPath} has no model");
        return Registry<MetaArchitectureRegistry>().Build(spec, new MetaArchitectureContext());
    }
}
