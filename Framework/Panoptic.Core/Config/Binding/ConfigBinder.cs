using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Text;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Binding;

/// <summary>
/// Binds a loaded config tree to the typed schema, strictly: unknown keys, wrong types, out-of-range values and
/// unknown component names are errors naming file:line:column (or the override), the key path, the expected type
/// and the nearest valid names. All errors are reported together.
/// </summary>
public static class ConfigBinder
{
    /// <summary>Binds every section.</summary>
    /// <exception cref="ConfigException">Every problem found.</exception>
    public static ResolvedConfig Bind(LoadedConfig config, SectionCatalog sections, IComponentCatalog components)
    {
        var errors = new List<ConfigError>();
        var session = new BindingSession(components, errors);
        var root = config.Root;
        foreach (var key in root.Keys.Where(key => sections.Find(key) is null))
        {
            var known = sections.Sections.Select(s => s.Key).ToList();
            errors.Add(new ConfigError(root.KeySource(key), key, $"unknown top-level section{NameSuggestions.DidYouMean(key, known)} (sections: {string.Join(", ", known)})"));
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var tree = new ConfigMapping(root.Source);
        foreach (var section in sections.Sections)
        {
            Bound bound;
            if (root[section.Key] is { } node)
            {
                bound = session.Value(node, section.Shape, section.Key, section.CreateDefault());
                tree.Set(section.Key, bound.Node, root.KeySource(section.Key));
            }
            else
            {
                var source = new ConfigSource.Default($"section '{section.Key}'");
                bound = session.Default(section.CreateDefault(), section.Shape, section.Key, source);
                tree.Set(section.Key, bound.Node, source);
            }
            values[section.Key] = bound.Value;
        }
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return new ResolvedConfig(values, tree, config.Files);
    }

    /// <summary>Binds one mapping to an options record (for tests and tools that read a record on its own).</summary>
    /// <exception cref="ConfigException">Every problem found.</exception>
    public static T BindOptions<T>(ConfigMapping node, IComponentCatalog components, string path = "") where T : ConfigOptions
    {
        var errors = new List<ConfigError>();
        var bound = new BindingSession(components, errors).Options(node, typeof(T), null, path, typeof(T).Name);
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return (T)bound.Value!;
    }
}
