using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Binding;

/// <summary>
/// A validated config: each section bound to its typed record, and the resolved tree (defaults filled in) in which
/// every value knows the file:line:column, override or default that set it.
/// </summary>
public sealed class ResolvedConfig
{
    private readonly IReadOnlyDictionary<string, object?> _sections;

    internal ResolvedConfig(IReadOnlyDictionary<string, object?> sections, ConfigMapping tree, IReadOnlyList<string> files)
    {
        _sections = sections;
        Tree = tree;
        Files = files;
    }

    /// <summary>The resolved tree, for printing with provenance.</summary>
    public ConfigMapping Tree { get; }

    /// <summary>The YAML files the config was made of, the requested one first.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The value of a top-level section.</summary>
    public object? this[string key] => _sections[key];

    /// <summary>The model, or null when the config has none.</summary>
    public ComponentSpec<IMetaArchitecture>? Model => (ComponentSpec<IMetaArchitecture>?)_sections[SectionCatalog.ModelKey];

    /// <summary>Plugin paths listed by the config (absolute).</summary>
    public IReadOnlyList<string> Plugins => (IReadOnlyList<string>)_sections[SectionCatalog.PluginsKey]!;

    /// <summary>The section bound to record <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No section has that type.</exception>
    public T Section<T>() where T : ConfigOptions =>
        _sections.Values.OfType<T>().FirstOrDefault()
        ?? throw new KeyNotFoundException($"no config section is bound to {typeof(T).Name}");

    /// <summary>All sections by key.</summary>
    public IReadOnlyDictionary<string, object?> Sections => _sections;
}
