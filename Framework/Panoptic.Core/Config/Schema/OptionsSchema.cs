using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Plugins;

namespace Panoptic.Core.Config.Schema;

/// <summary>The keys of an options record, read once by reflection: the strict schema of its config node.</summary>
public sealed class OptionsSchema
{
    /// <summary>The key a component node uses to name the component; no options record may use it.</summary>
    public const string NameKey = "name";

    private static readonly ConcurrentDictionary<Type, OptionsSchema> Cache = new();

    private readonly Dictionary<string, OptionsField> _byKey;

    private OptionsSchema(Type type, IReadOnlyList<OptionsField> fields)
    {
        Type = type;
        Fields = fields;
        _byKey = fields.ToDictionary(field => field.Key, StringComparer.Ordinal);
    }

    /// <summary>The options record.</summary>
    public Type Type { get; }

    /// <summary>The keys in declaration order (base record first).</summary>
    public IReadOnlyList<OptionsField> Fields { get; }

    public IEnumerable<string> Keys => Fields.Select(f => f.Key);

    public OptionsField? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The schema of <paramref name="type"/>.</summary>
    /// <exception cref="PluginException">The record cannot serve as options (no parameterless constructor, unsupported property type, …).</exception>
    public static OptionsSchema For(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>A fresh instance holding the defaults.</summary>
    public ConfigOptions CreateDefault() => (ConfigOptions)Activator.CreateInstance(Type)!;

    /// <summary>A shallow copy of a record (its compiler-generated clone), so binding never changes a default instance.</summary>
    public static ConfigOptions Copy(ConfigOptions options)
    {
        var clone = options.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance);
        return clone is null ? options : (ConfigOptions)clone.Invoke(options, null)!;
    }

    private static OptionsSchema Build(Type type)
    {
        if (!typeof(ConfigOptions).IsAssignableFrom(type) || type.IsAbstract)
            throw new PluginException($"{type.FullName} cannot be an options type: it must be a non-abstract record deriving from ConfigOptions.");
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new PluginException($"options record {type.FullName} needs a public parameterless constructor (declare the keys as init properties with defaults).");
        var nullability = new NullabilityInfoContext();
        var fields = new List<OptionsField>();
        foreach (var property in Properties(type))
        {
            var key = property.GetCustomAttribute<ConfigKeyAttribute>()?.Key ?? KeyNaming.ToSnakeCase(property.Name);
            if (key == NameKey && typeof(ComponentOptions).IsAssignableFrom(type))
                throw new PluginException($"options record {type.FullName} has a key 'name', which component nodes reserve for the component's name.");
            if (fields.Any(field => field.Key == key))
                throw new PluginException($"options record {type.FullName} has two properties with key '{key}'.");
            ValueShape shape;
            try
            {
                shape = ValueShapes.For(nullability.Create(property), property.IsDefined(typeof(ConfigPathAttribute)));
            }
            catch (NotSupportedException e)
            {
                throw new PluginException($"options record {type.FullName}, property {property.Name}: {e.Message}.");
            }
            var required = property.IsDefined(typeof(RequiredMemberAttribute));
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? XmlDocumentation.Summary(property);
            fields.Add(new OptionsField(key, property, shape, required, description));
        }
        return new OptionsSchema(type, fields);
    }

    /// <summary>Public settable instance properties, base record first, in declaration order.</summary>
    private static IEnumerable<PropertyInfo> Properties(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(ConfigOptions) && t != typeof(ComponentOptions); t = t.BaseType)
            chain.Push(t);
        foreach (var t in chain)
        {
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
                         .OrderBy(p => p.MetadataToken))
                yield return property;
        }
    }
}
