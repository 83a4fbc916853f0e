using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Plugins;

namespace Panoptic.Abstractions.Components;

/// <summary>
/// The registry of one component kind (detectron2's <c>ROI_MASK_HEAD_REGISTRY</c> + <c>build_mask_head</c>).
/// Each kind subclasses it next to its interface, with a <see cref="ComponentKindAttribute"/> and the constructor
/// contract in its documentation; the host creates one per kind and puts it in the service container.
/// </summary>
/// <remarks>
/// Constructor contract of every component: an <em>options constructor</em>
/// <c>(TOptions options, TContext context, …services)</c> that the registry calls (services are resolved from the
/// container: other registries, for sub-components), and, by convention, an explicit typed constructor that the
/// options constructor delegates to, so a test builds the component by hand without any config.
/// </remarks>
/// <typeparam name="TComponent">The kind interface.</typeparam>
/// <typeparam name="TContext">What the parent passes besides the options (input shapes, class count, …).</typeparam>
public abstract class ComponentRegistry<TComponent, TContext>
    where TComponent : class
    where TContext : notnull
{
    private readonly IComponentCatalog _catalog;

    protected ComponentRegistry(IComponentCatalog catalog)
    {
        _catalog = catalog;
        Kind = ComponentKind.FromRegistry(GetType());
    }

    /// <summary>The kind this registry holds.</summary>
    public ComponentKind Kind { get; }

    /// <summary>The registered components, sorted by name.</summary>
    public IReadOnlyList<ComponentDescriptor> Components => _catalog.ComponentsOf(Kind);

    /// <summary>Looks a component up by short or qualified name.</summary>
    /// <exception cref="PluginException">Unknown or ambiguous name.</exception>
    public ComponentDescriptor Get(string name) => _catalog.Find(Kind, name);

    /// <summary>Builds the component a config chose.</summary>
    public TComponent Build(ComponentSpec<TComponent> spec, TContext context) => Build(spec.Name, context, spec.Options);

    /// <summary>Builds a component by name; <paramref name="options"/> null means its defaults.</summary>
    public TComponent Build(string name, TContext context, ComponentOptions? options = null)
    {
        var component = Get(name);
        return (TComponent)_catalog.Create(component, options, context);
    }
}
