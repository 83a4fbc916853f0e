using System.ComponentModel;
using System.Reflection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Plugins;
using Panoptic.Core.Config.Schema;

namespace Panoptic.Core.Config.Sections;

/// <summary>One top-level key of a config.</summary>
/// <param name="Key">The key (<c>solver</c>).</param>
/// <param name="Shape">What its value must be.</param>
/// <param name="CreateDefault">Its value when the config does not set it.</param>
/// <param name="DeclaredBy">Assembly that declared it.</param>
/// <param name="Description">One line for listings.</param>
public sealed record SectionDefinition(string Key, ValueShape Shape, Func<object?> CreateDefault, string DeclaredBy, string? Description);

/// <summary>
/// The top-level schema: <c>plugins</c> (paths) and <c>model</c> (a meta-architecture component) built in, plus every
/// <see cref="ConfigSectionAttribute"/> record of the host and its plugins (<c>dataset</c>, <c>solver</c>,
/// <c>runtime</c>, <c>test</c>, …).
/// </summary>
public sealed class SectionCatalog
{
    /// <summary>The top-level key listing plugin paths.</summary>
    public const string PluginsKey = "plugins";

    /// <summary>The top-level key holding the model.</summary>
    public const string ModelKey = "model";

    private readonly List<SectionDefinition> _sections = [];

    private SectionCatalog()
    {
        var self = typeof(SectionCatalog).Assembly.GetName().Name!;
        _sections.Add(new SectionDefinition(PluginsKey,
            new ListShape(typeof(IReadOnlyList<string>), new StringShape(IsPath: true)), () => Array.Empty<string>(), self,
            "Plugin assemblies or folders to load, relative to the file that lists them."));
        _sections.Add(new SectionDefinition(ModelKey,
            new ComponentShape(typeof(ComponentSpec<IMetaArchitecture>), typeof(IMetaArchitecture)) { AcceptsNull = true }, () => null, self,
            "The model: a meta-architecture component and its sub-components."));
    }

    public IReadOnlyList<SectionDefinition> Sections => _sections;

    public SectionDefinition? Find(string key) => _sections.FirstOrDefault(s => s.Key == key);

    /// <summary>The built-in sections plus those declared in <paramref name="assemblies"/>.</summary>
    /// <exception cref="PluginException">Two declarations of one key.</exception>
    public static SectionCatalog Create(IEnumerable<Assembly> assemblies)
    {
        var catalog = new SectionCatalog();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.GetCustomAttribute<ConfigSectionAttribute>() is not { } attribute)
                    continue;
                var declaredBy = assembly.GetName().Name!;
                if (catalog.Find(attribute.Key) is { } existing)
                    throw new PluginException($"config section '{attribute.Key}' is declared by both {existing.DeclaredBy} and {declaredBy} ({type.FullName})");
                var schema = OptionsSchema.For(type);
                catalog._sections.Add(new SectionDefinition(attribute.Key, new OptionsShape(type), schema.CreateDefault, declaredBy,
                    type.GetCustomAttribute<DescriptionAttribute>()?.Description));
            }
        }
        return catalog;
    }
}
