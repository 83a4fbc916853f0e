using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Plugins;
using Panoptic.Abstractions.Text;
using Panoptic.Core.Config.Schema;

namespace Panoptic.Core.Registry;

/// <summary>
/// Every component kind and component found in the scanned assemblies (<see cref="ComponentAttribute"/>), and their
/// construction through the options constructor with services from the container. A name used by two assemblies is
/// kept twice: the short name is then an error naming both, and <c>Assembly:Name</c> picks one.
/// </summary>
public sealed class ComponentCatalog : IComponentCatalog
{
    private readonly List<ComponentKind> _kinds = [];
    private readonly Dictionary<ComponentKind, List<ComponentDescriptor>> _components = [];
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();
    private readonly HashSet<Assembly> _scanned = [];
    private readonly Func<IReadOnlyList<string>> _locations;

    /// <summary>A catalog with the kinds of Panoptic.Abstractions and no components yet.</summary>
    /// <param name="scannedLocations">The plugin locations looked at, for "unknown component" messages.</param>
    public ComponentCatalog(Func<IReadOnlyList<string>>? scannedLocations = null)
    {
        _locations = scannedLocations ?? (() => []);
        AddKinds(typeof(ComponentAttribute).Assembly);
    }

    public IReadOnlyList<ComponentKind> Kinds => _kinds;

    /// <summary>The container components are built with; without one, only the catalog and registries are available.</summary>
    public IServiceProvider? Services { get; set; }

    public IReadOnlyList<ComponentDescriptor> ComponentsOf(ComponentKind kind) => _components[kind];

    /// <summary>All components, by kind then name.</summary>
    public IEnumerable<ComponentDescriptor> All => _kinds.SelectMany(kind => _components[kind]);

    /// <summary>The kind with this snake-case name, or an error listing the kinds.</summary>
    /// <exception cref="PluginException">Unknown kind.</exception>
    public ComponentKind KindNamed(string name) =>
        _kinds.FirstOrDefault(k => k.Name == name)
        ?? throw new PluginException($"unknown component kind '{name}'{NameSuggestions.DidYouMean(name, _kinds.Select(k => k.Name))} (kinds: {string.Join(", ", _kinds.Select(k => k.Name))})");

    /// <summary>Registers the kinds and components an assembly declares; each assembly is scanned once.</summary>
    /// <exception cref="PluginException">A malformed component, or the same component from two copies of one assembly.</exception>
    public void AddAssembly(Assembly assembly)
    {
        if (!_scanned.Add(assembly))
            return;
        AddTypes(LoadableTypes(assembly));
    }

    /// <summary>Registers the kinds and components among <paramref name="types"/> (tests pick types one by one).</summary>
    internal void AddTypes(IReadOnlyList<Type> types)
    {
        AddKinds(types);
        foreach (var type in types)
        {
            if (type.GetCustomAttribute<ComponentAttribute>() is { } attribute)
                Register(ComponentDescribing.Describe(type, attribute, _kinds));
        }
    }

    public ComponentDescriptor Find(ComponentKind kind, string name)
    {
        var all = _components[kind];
        var separator = name.IndexOf(':', StringComparison.Ordinal);
        var matches = separator < 0
            ? all.Where(c => c.Name == name).ToList()
            : all.Where(c => c.QualifiedName == name).ToList();
        if (matches.Count == 1)
            return matches[0];
        if (matches.Count > 1)
        {
            var owners = string.Join(" and ", matches.Select(c => $"{c.AssemblyName} ({c.Location})"));
            throw new PluginException(
                $"{kind.DisplayName} '{name}' is defined by {owners}; name one as {string.Join(" or ", matches.Select(c => $"'{c.QualifiedName}'"))}");
        }
        var candidates = separator < 0 ? all.Select(c => c.Name) : all.Select(c => c.QualifiedName);
        var known = all.Count == 0 ? "none" : string.Join(", ", all.Select(c => c.Name).Distinct());
        var scanned = _locations();
        var where = scanned.Count == 0 ? "no plugin locations were scanned" : "plugin locations scanned: " + string.Join("; ", scanned);
        throw new PluginException($"unknown {kind.DisplayName} '{name}'{NameSuggestions.DidYouMean(name, candidates)} (known: {known}; {where})");
    }

    public object Create(ComponentDescriptor component, ComponentOptions? options, object context)
    {
        if (component.ImplementationType is not { } implementation)
        {
            throw new PluginException(
                $"{component.Kind.DisplayName} '{component.Name}' from {component.AssemblyName} declares its options only; no implementation of it is loaded");
        }
        options ??= (ComponentOptions)OptionsSchema.For(component.OptionsType).CreateDefault();
        if (options.GetType() != component.OptionsType)
            throw new PluginException($"{component.Kind.DisplayName} '{component.Name}' takes {component.OptionsType.Name}, not {options.GetType().Name}");
        if (!component.Kind.ContextType.IsInstanceOfType(context))
            throw new PluginException($"{component.Kind.DisplayName} components are built with a {component.Kind.ContextType.Name}, not a {context.GetType().Name}");
        var factory = _factories.GetOrAdd(implementation, type => ComponentDescribing.OptionsConstructor(type, component.OptionsType, component.Kind.ContextType));
        var services = Services ?? new ServiceCollection().AddComponentRegistries(this).BuildServiceProvider();
        return factory(services, [options, context]);
    }

    private void AddKinds(Assembly assembly) => AddKinds(LoadableTypes(assembly));

    private void AddKinds(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(ComponentKind.IsRegistry))
        {
            var kind = ComponentKind.FromRegistry(type);
            if (_kinds.Any(k => k.Name == kind.Name))
                continue;
            _kinds.Add(kind);
            _components[kind] = [];
        }
    }

    private void Register(ComponentDescriptor component)
    {
        var list = _components[component.Kind];
        var clash = list.FirstOrDefault(c => c.Name == component.Name && c.AssemblyName == component.AssemblyName);
        if (clash is not null)
        {
            var where = clash.Assembly == component.Assembly
                ? $"twice in {component.AssemblyName} ({clash.ImplementationType ?? clash.OptionsType} and {component.ImplementationType ?? component.OptionsType})"
                : $"by two copies of {component.AssemblyName}: {clash.Location} and {component.Location}";
            throw new PluginException($"{component.Kind.DisplayName} '{component.Name}' is declared {where}");
        }
        list.Add(component);
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.AssemblyName, b.AssemblyName));
    }

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var missing = e.LoaderExceptions.OfType<Exception>().Select(x => x.Message).Distinct();
            throw new PluginException($"cannot read the types of {assembly.GetName().Name} ({assembly.Location}): {string.Join("; ", missing)}", e);
        }
    }
}
