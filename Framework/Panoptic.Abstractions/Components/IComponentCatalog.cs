using Panoptic.Abstractions.Config;

namespace Panoptic.Abstractions.Components;

/// <summary>
/// Every component found in the host and its plugins, by kind. Implemented by the host (Panoptic.Core);
/// components reach it through their kind's registry.
/// </summary>
public interface IComponentCatalog
{
    /// <summary>All known kinds.</summary>
    IReadOnlyList<ComponentKind> Kinds { get; }

    /// <summary>The components of one kind, sorted by name.</summary>
    IReadOnlyList<ComponentDescriptor> ComponentsOf(ComponentKind kind);

    /// <summary>Looks a component up by short or qualified (<c>Assembly:Name</c>) name.</summary>
    /// <exception cref="Plugins.PluginException">Unknown name (the message lists the nearest names and the folders scanned) or an ambiguous short name (it names both assemblies).</exception>
    ComponentDescriptor Find(ComponentKind kind, string name);

    /// <summary>Builds a component through its options constructor.</summary>
    /// <param name="component">What to build.</param>
    /// <param name="options">Its options; null for the defaults of <see cref="ComponentDescriptor.OptionsType"/>.</param>
    /// <param name="context">The kind's context (<see cref="ComponentKind.ContextType"/>).</param>
    /// <exception cref="Plugins.PluginException">The component has no implementation or no options constructor.</exception>
    object Create(ComponentDescriptor component, ComponentOptions? options, object context);
}
